package io.philia.reward.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import io.philia.event.QueuedEvent;
import io.philia.platform.BatchReads;

/**
 * Reads the checkouts and next-order offers of a micro-batch's paid orders at its start: what
 * {@link OrderReactions#paid} needs of each, one statement per store instead of one per event.
 */
@Component
class OrderHooksAhead implements BatchReads {

	private final CheckoutStore checkouts;

	OrderHooksAhead(CheckoutStore checkouts) {
		this.checkouts = checkouts;
	}

	@Override
	public void readAhead(List<Object> hints) {
		List<String[]> paid = hints.stream()
			.filter(hint -> hint instanceof QueuedEvent event && event.type().equals("order.paid") && event.orderId() != null)
			.map(hint -> (QueuedEvent) hint)
			.map(event -> new String[] { event.programId(), event.storeId(), event.orderId() })
			.toList();
		if (!paid.isEmpty()) {
			checkouts.readHooksAhead(paid);
		}
	}
}
