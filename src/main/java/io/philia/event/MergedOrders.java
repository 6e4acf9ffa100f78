package io.philia.event;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.philia.member.MembersMerged;

/**
 * When two member accounts merge, the absorbed account's orders become the survivor's, in the merge's
 * transaction: a later refund of such an order then takes back points from the account that holds them.
 */
@Component
class MergedOrders {

	private final OrderBook orders;

	MergedOrders(OrderBook orders) {
		this.orders = orders;
	}

	@EventListener
	void on(MembersMerged merged) {
		orders.reassign(merged.programId(), merged.absorbedId(), merged.survivorId());
	}
}
