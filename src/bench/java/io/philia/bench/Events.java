package io.philia.bench;

import java.util.Map;

import io.philia.bench.load.Request;
import io.philia.demo.ShopData;

/** Events of generated orders as store requests, the way a shop's integration sends them. */
public final class Events {

	private Events() {
	}

	/**
	 * The order.paid event of an order, made unique by {@code round} (the same orders are sent again as new
	 * ones when a run needs more events than the data has).
	 */
	public static String paid(ShopData.Order order, long round) {
		var json = new StringBuilder(512).append("{\"type\":\"order.paid\",\"member\":{\"externalId\":\"")
			.append(order.customer().externalId())
			.append("\",\"email\":\"")
			.append(order.customer().email())
			.append("\",\"firstName\":\"")
			.append(order.customer().firstName())
			.append("\"},\"order\":{\"id\":\"")
			.append(orderId(order, round))
			.append("\",\"currency\":\"EUR\",\"total\":\"")
			.append(decimal(order.totalMinor()))
			.append("\",\"lines\":[");
		for (int i = 0; i < order.lines().size(); i++) {
			var line = order.lines().get(i);
			json.append(i == 0 ? "" : ",")
				.append("{\"sku\":\"").append(line.sku())
				.append("\",\"category\":\"").append(line.category())
				.append("\",\"brand\":\"").append(line.brand())
				.append("\",\"quantity\":").append(line.quantity())
				.append(",\"unitPrice\":\"").append(decimal(line.unitPriceMinor()))
				.append("\"}");
		}
		return json.append("]}}").toString();
	}

	public static String orderId(ShopData.Order order, long round) {
		return round == 0 ? order.id() : order.id() + "-" + round;
	}

	/** POST /api/v1/events with the event's own idempotency key. */
	public static byte[] post(String key, ShopData.Order order, long round) {
		return Request.post("/api/v1/events",
				Map.of("Authorization", "Bearer " + key, "Idempotency-Key", "paid-" + orderId(order, round)),
				paid(order, round));
	}

	/** What a store's rate of 10 points per 15.00 EUR in whole steps gives for this order. */
	public static long points(ShopData.Order order) {
		return order.totalMinor() / 1500 * 10;
	}

	static String decimal(long minor) {
		return minor / 100 + "." + (minor % 100 < 10 ? "0" : "") + minor % 100;
	}
}
