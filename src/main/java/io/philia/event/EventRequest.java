package io.philia.event;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/**
 * An event as a store sends it. Fields may grow; these stay. Fields Philia does not know are ignored, here
 * and at every level below (other request bodies refuse them): a shop's connector sends what its platform
 * has, and an event must not fail for a field added on either side.
 *
 * @param type order.placed, order.paid, order.fulfilled, order.cancelled, order.refunded, or custom.&lt;name&gt;
 * @param occurredAt when it happened in the store, ISO-8601 with an offset (now if absent)
 * @param member who: the shop's customer id and/or e-mail, with data to enrol them if new
 * @param order the order, for order.* events (only its id once the order is known)
 * @param refund for order.refunded: an amount, or lines; absent refunds what is left of the order
 * @param data free JSON for custom events
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventRequest(String type, String occurredAt, MemberData member, OrderData order, RefundData refund,
		JsonNode data) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record MemberData(String externalId, String email, String firstName, String lastName, String locale) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OrderData(String id, String currency, String total, List<LineData> lines) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record LineData(String sku, String category, String brand, Integer quantity, String unitPrice) {
	}

	/** A refund: {@code amount} in the order's currency, or {@code lines} by SKU and quantity. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RefundData(String amount, String currency, List<RefundLine> lines) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record RefundLine(String sku, Integer quantity) {
	}
}
