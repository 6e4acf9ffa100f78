package io.philia.rule;

import java.time.Instant;
import java.util.List;

/**
 * A member's paid orders, as rules see them (order count, total spent, days since the last order,
 * streaks). Declared here and implemented by the module that owns orders, so that rules never depend on
 * it.
 */
public interface PurchaseHistory {

	/** The member's orders that were paid and are not cancelled or fully refunded, in any order. */
	List<PastOrder> paidOrders(String programId, String memberId);

	/** When an order was paid, its currency and what is left of it after refunds. */
	record PastOrder(Instant paidAt, String currency, long netMinor) {
	}
}
