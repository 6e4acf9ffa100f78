package io.philia.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.philia.member.MemberIdentity;
import io.philia.platform.Money;

/**
 * An event that passed validation: every amount parsed, every required field there. {@code identity},
 * {@code total} and {@code refund} are null where the event type does not need them; {@code orderCurrency}
 * is the {@code order.currency} a refund, a cancellation or a fulfilment sent (optional there), to be
 * checked against the order's once it is known.
 */
record ValidEvent(String type, Instant occurredAt, MemberIdentity identity, String orderId, Money total,
		List<OrderLine> lines, Refund refund, String orderCurrency) {

	/**
	 * A refund by amount (a decimal string, parsed in the order's currency once the order is known), or by
	 * units per SKU; both null refunds what is left.
	 */
	record Refund(String amount, String currency, Map<String, Integer> unitsBySku) {
	}
}
