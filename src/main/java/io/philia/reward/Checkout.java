package io.philia.reward;

import java.time.Instant;

/**
 * A checkout: the codes and points reserved for one order. {@code status} is {@code reserved},
 * {@code redeemed} (the order was paid), {@code released} (by the shop or the order's cancellation),
 * {@code expired} (its time ran out; shown so as soon as it has, before the sweep releases it) or
 * {@code reversed} (paid, then cancelled or fully refunded: codes and points given back).
 */
public record Checkout(String id, String storeId, String orderId, String memberId, String status,
		CheckoutOutcome outcome, long pointsRestored, Instant createdAt, Instant expiresAt, Instant closedAt,
		String closeReason) {
}
