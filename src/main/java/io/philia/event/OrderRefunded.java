package io.philia.event;

/**
 * Published inside the transaction of each order.refunded event: how much of the order's total has been
 * refunded so far, in its minor units, and whether that is all of it.
 */
public record OrderRefunded(String programId, String storeId, String memberId, String orderId, String currency,
		long refundedMinor, long totalMinor, boolean fullyRefunded, String eventId) {
}
