package io.philia.ledger;

/**
 * Why points moved: an order (reference = the shop's order id), its refund or cancellation, a manual
 * adjustment. {@code eventId} is the inbound event that caused it, when there is one.
 */
public record Cause(String type, String reference, String eventId) {

	public static Cause order(String orderId, String eventId) {
		return new Cause("order", orderId, eventId);
	}

	public static Cause refund(String orderId, String eventId) {
		return new Cause("refund", orderId, eventId);
	}

	public static Cause cancellation(String orderId, String eventId) {
		return new Cause("cancellation", orderId, eventId);
	}

	/** Points spent on something identified by the spending module (a redemption id, a checkout id). */
	public static Cause redemption(String type, String reference) {
		return new Cause(type, reference, null);
	}

	public static Cause adjustment() {
		return new Cause("adjustment", null, null);
	}
}
