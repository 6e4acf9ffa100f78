package io.philia.event;

import io.philia.member.Member;
import io.philia.program.Store;
import io.philia.rule.EarningContext;
import tools.jackson.databind.JsonNode;

/** What the rules see of an event: built here, where events are understood, for the rule module. */
final class RuleContexts {

	private RuleContexts() {
	}

	static EarningContext of(Store store, ValidEvent event, String type, Member member, String eventId,
			JsonNode data) {
		EarningContext.Order order = null;
		if (event.total() != null) {
			order = new EarningContext.Order(event.orderId(), event.total(), event.lines()
				.stream()
				.map(l -> new EarningContext.Line(l.sku(), l.category(), l.brand(), l.quantity(), l.unitPriceMinor()))
				.toList());
		}
		return new EarningContext(store.programId(), store, type, eventId, event.occurredAt(), data, member, order);
	}
}
