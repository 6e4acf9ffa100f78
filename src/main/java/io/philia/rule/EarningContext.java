package io.philia.rule;

import java.time.Instant;
import java.util.List;

import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.program.Store;
import tools.jackson.databind.JsonNode;

/**
 * Everything rules may look at for one event, built by whoever received the event. The member's past
 * orders come from {@link PurchaseHistory} when a rule needs them.
 *
 * @param store the store the event came from; absent for a member enrolled or changed through the API
 * @param trigger the event's type (order.paid, custom.review_written, member.enrolled…)
 * @param eventId the inbound event, when there is one
 * @param occurredAt when it happened: calendar conditions, validity windows and daily limits use it
 * @param data a custom event's free JSON
 * @param member the member; in a simulation for a customer not enrolled yet, one without an id
 * @param order for order.paid
 */
public record EarningContext(String programId, Store store, String trigger, String eventId, Instant occurredAt,
		JsonNode data, Member member, Order order) {

	/** An order as it is paid: its total and its lines. */
	public record Order(String id, Money total, List<Line> lines) {
	}

	public record Line(String sku, String category, String brand, int quantity, long unitPriceMinor) {

		public long amountMinor() {
			return Math.multiplyExact(unitPriceMinor, (long) quantity);
		}
	}
}
