package io.philia.event;

/** The domain event an applied order event publishes, if any (an ignored or custom event publishes none). */
final class OrderEvents {

	private OrderEvents() {
	}

	static Object of(String programId, String storeId, ValidEvent event, StoreOrder order, boolean wasPaid,
			String eventId) {
		if (order == null) {
			return null;
		}
		return switch (event.type()) {
			case "order.paid" -> new OrderPaid(programId, storeId, order.memberId(), order.orderId(), order.currency(),
					order.totalMinor(), event.occurredAt(), eventId);
			case "order.cancelled" -> new OrderCancelled(programId, storeId, order.memberId(), order.orderId(), wasPaid,
					eventId);
			case "order.refunded" -> new OrderRefunded(programId, storeId, order.memberId(), order.orderId(),
					order.currency(), order.refundedMinor(), order.totalMinor(),
					order.status() == OrderStatus.REFUNDED, eventId);
			default -> null;
		};
	}
}
