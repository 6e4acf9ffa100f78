package io.philia.event;

/**
 * Published inside the transaction of the order.cancelled event that cancelled an order; {@code wasPaid}
 * says whether it had been paid.
 */
public record OrderCancelled(String programId, String storeId, String memberId, String orderId, boolean wasPaid,
		String eventId) {
}
