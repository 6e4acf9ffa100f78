package io.philia.event;

import io.philia.platform.ProblemType;

/** Refusals of the event module (codes 5000–5999). */
public final class EventProblems {

	public static final ProblemType UNKNOWN_EVENT_TYPE = new ProblemType("unknown-event-type", 5001, 400,
			"Unknown event type");

	public static final ProblemType CURRENCY_MISMATCH = new ProblemType("currency-mismatch", 5002, 422,
			"The amount is not in the store's currency");

	public static final ProblemType ORDER_UNKNOWN = new ProblemType("order-unknown", 5003, 422,
			"Philia has no such order");

	public static final ProblemType ORDER_NOT_PAID = new ProblemType("order-not-paid", 5004, 422,
			"The order has not been paid");

	public static final ProblemType ORDER_CANCELLED = new ProblemType("order-cancelled", 5005, 422,
			"The order was cancelled");

	public static final ProblemType REFUND_EXCEEDS_ORDER = new ProblemType("refund-exceeds-order", 5006, 422,
			"The refund is larger than what is left of the order");

	public static final ProblemType ORDER_OF_ANOTHER_MEMBER = new ProblemType("order-of-another-member", 5007, 422,
			"The order belongs to another member");

	public static final ProblemType ORDER_LINE_UNKNOWN = new ProblemType("order-line-unknown", 5008, 422,
			"The order has no line with this SKU");

	public static final ProblemType BATCH_TOO_LARGE = new ProblemType("batch-too-large", 5030, 400,
			"A batch holds at most " + EventBatches.MAX_EVENTS + " events");

	private EventProblems() {
	}
}
