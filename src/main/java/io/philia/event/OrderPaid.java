package io.philia.event;

import java.time.Instant;

/**
 * Published inside the transaction of the order.paid event that moved an order to paid (once per order),
 * so that a listener's writes commit or roll back with the event and are exactly-once through its key.
 */
public record OrderPaid(String programId, String storeId, String memberId, String orderId, String currency,
		long totalMinor, Instant occurredAt, String eventId) {
}
