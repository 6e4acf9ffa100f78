package io.philia.event;

import java.util.regex.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.philia.event.EventRequest.LineData;
import io.philia.event.EventRequest.OrderData;
import io.philia.event.EventRequest.RefundData;
import io.philia.member.MemberIdentity;
import io.philia.platform.Money;
import io.philia.platform.TimeBounds;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;

/**
 * Turns what a store sent into a {@link ValidEvent}, or refuses it with every field at fault. Nothing is
 * read from or written to the database here.
 */
final class EventValidation {

	private static final Pattern CUSTOM_TYPE = Pattern.compile("custom\\.[a-z0-9][a-z0-9_.-]{0,60}");
	private static final Pattern REFUND_AMOUNT = Pattern.compile("\\d{1,15}(\\.\\d+)?");

	static final Set<String> ORDER_TYPES = Set.of("order.placed", "order.paid", "order.fulfilled", "order.cancelled",
			"order.refunded");

	static final int MAX_LINES = 1000;

	private static final String AMOUNT_LIMIT = "must be at most 999999999999999 (15 digits before the decimal point)";

	private EventValidation() {
	}

	static ValidEvent validate(EventRequest request, Clock clock) {
		String type = request.type();
		if (type == null || type.isBlank()) {
			new Violations().add("type", "is required").throwIfAny();
		}
		boolean custom = CUSTOM_TYPE.matcher(type).matches();
		if (!ORDER_TYPES.contains(type) && !custom) {
			throw new PhiliaException(EventProblems.UNKNOWN_EVENT_TYPE, "Unknown event type '" + type
					+ "'; use one of " + ORDER_TYPES.stream().sorted().toList() + " or custom.<name>");
		}
		var v = new Violations();
		Instant occurredAt = occurredAt(v, request.occurredAt(), clock);
		boolean needsMember = custom || type.equals("order.placed") || type.equals("order.paid");
		MemberIdentity identity = identity(v, request, needsMember);
		String orderId = null;
		Money total = null;
		List<OrderLine> lines = List.of();
		ValidEvent.Refund refund = null;
		String orderCurrency = null;
		if (!custom) {
			OrderData order = request.order();
			if (order == null) {
				v.add("order", "is required for " + type);
			}
			else {
				orderId = v.requireText("order.id", order.id(), 200);
				if (type.equals("order.placed") || type.equals("order.paid")) {
					total = total(v, order);
					lines = lines(v, order.lines(), total);
				}
				else if (order.currency() != null) {
					// Optional once the order is known, but when sent it is checked as on a paid order.
					orderCurrency = v.check("order.currency", () -> Money.currency(order.currency()).getCurrencyCode());
				}
			}
		}
		if (request.refund() != null) {
			if (!type.equals("order.refunded")) {
				v.add("refund", "belongs to order.refunded events only");
			}
			else {
				refund = refund(v, request.refund(), orderCurrency);
			}
		}
		if (request.data() != null && !request.data().isObject()) {
			v.add("data", "must be a JSON object");
		}
		v.throwIfAny();
		return new ValidEvent(type, occurredAt, identity, orderId, total, lines, refund, orderCurrency);
	}

	private static Instant occurredAt(Violations v, String value, Clock clock) {
		if (value == null) {
			return clock.instant();
		}
		Instant at;
		try {
			at = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException e) {
			v.add("occurredAt", "must be an ISO-8601 time with an offset, such as 2026-11-22T10:00:00Z");
			return null;
		}
		return TimeBounds.check(v, "occurredAt", at);
	}

	private static MemberIdentity identity(Violations v, EventRequest request, boolean required) {
		var member = request.member();
		if (member == null) {
			if (required) {
				v.add("member", "is required for " + request.type() + " (externalId and/or email)");
			}
			return null;
		}
		var identity = new MemberIdentity(member.externalId(), member.email(), member.firstName(), member.lastName(),
				member.locale());
		identity.check(v, "member");
		return identity;
	}

	private static Money total(Violations v, OrderData order) {
		if (order.currency() == null) {
			v.add("order.currency", "is required (ISO-4217, such as EUR)");
			return null;
		}
		String currency = v.check("order.currency", () -> Money.currency(order.currency()).getCurrencyCode());
		if (order.total() == null) {
			v.add("order.total", "is required, as a decimal string such as \"274.00\"");
			return null;
		}
		if (currency == null) {
			return null;
		}
		if (tooManyDigits(order.total())) {
			v.add("order.total", AMOUNT_LIMIT);
			return null;
		}
		Money total = v.check("order.total", () -> Money.of(order.total(), currency));
		if (total != null && total.isNegative()) {
			v.add("order.total", "must not be negative");
			return null;
		}
		return total;
	}

	/**
	 * A decimal amount with more digits before the point than Money takes (15), which Money would only call
	 * "not a decimal amount". A scan, not a pattern: it runs on every amount of every event.
	 */
	private static boolean tooManyDigits(String amount) {
		int start = amount.startsWith("-") ? 1 : 0;
		int i = start;
		while (i < amount.length() && amount.charAt(i) >= '0' && amount.charAt(i) <= '9') {
			i++;
		}
		if (i - start <= 15) {
			return false;
		}
		if (i < amount.length() && amount.charAt(i++) != '.') {
			return false;
		}
		while (i < amount.length() && amount.charAt(i) >= '0' && amount.charAt(i) <= '9') {
			i++;
		}
		return i == amount.length();
	}

	private static List<OrderLine> lines(Violations v, List<LineData> input, Money total) {
		if (input == null) {
			return List.of();
		}
		if (input.size() > MAX_LINES) {
			v.add("order.lines", "must have at most " + MAX_LINES + " lines");
			return List.of();
		}
		List<OrderLine> lines = new ArrayList<>();
		for (int i = 0; i < input.size(); i++) {
			String field = "order.lines[" + i + "]";
			LineData line = input.get(i);
			if (line == null) {
				v.add(field, "must be an object");
				continue;
			}
			String sku = v.requireText(field + ".sku", line.sku(), 100);
			v.checkLength(field + ".category", line.category(), 100);
			v.checkLength(field + ".brand", line.brand(), 100);
			if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 1_000_000) {
				v.add(field + ".quantity", "must be a whole number from 1 to 1000000");
			}
			Money unitPrice = null;
			if (line.unitPrice() == null) {
				v.add(field + ".unitPrice", "is required, as a decimal string");
			}
			else if (tooManyDigits(line.unitPrice())) {
				v.add(field + ".unitPrice", AMOUNT_LIMIT);
			}
			else if (total != null) {
				unitPrice = v.check(field + ".unitPrice", () -> Money.of(line.unitPrice(), total.currencyCode()));
				if (unitPrice != null && unitPrice.isNegative()) {
					v.add(field + ".unitPrice", "must not be negative");
				}
			}
			if (sku != null && unitPrice != null && line.quantity() != null) {
				lines.add(new OrderLine(sku, line.category(), line.brand(), line.quantity(), unitPrice.minor(), 0));
			}
		}
		return lines;
	}

	private static ValidEvent.Refund refund(Violations v, RefundData refund, String orderCurrency) {
		boolean byAmount = refund.amount() != null;
		boolean byLines = refund.lines() != null;
		if (byAmount == byLines) {
			v.add("refund", "needs either an amount or lines (or leave it out to refund the whole order)");
			return null;
		}
		String currency = orderCurrency;
		if (refund.currency() != null) {
			currency = v.check("refund.currency", () -> Money.currency(refund.currency()).getCurrencyCode());
			if (currency != null && orderCurrency != null && !currency.equals(orderCurrency)) {
				v.add("refund.currency", "must be the order's currency, " + orderCurrency + " in order.currency");
			}
		}
		if (byAmount) {
			// The order's currency decides the decimals; checked against it when the order is known.
			if (tooManyDigits(refund.amount())) {
				v.add("refund.amount", AMOUNT_LIMIT);
				return null;
			}
			if (!REFUND_AMOUNT.matcher(refund.amount()).matches()) {
				v.add("refund.amount", "must be a positive decimal amount such as \"50.00\"");
				return null;
			}
			if (new java.math.BigDecimal(refund.amount()).signum() == 0) {
				v.add("refund.amount", "must be more than zero");
				return null;
			}
			return new ValidEvent.Refund(refund.amount(), currency, null);
		}
		if (refund.lines().isEmpty()) {
			v.add("refund.lines", "must name at least one line");
		}
		Map<String, Integer> units = new LinkedHashMap<>();
		for (int i = 0; i < refund.lines().size(); i++) {
			var line = refund.lines().get(i);
			String field = "refund.lines[" + i + "]";
			if (line == null) {
				v.add(field, "must be an object");
				continue;
			}
			String sku = v.requireText(field + ".sku", line.sku(), 100);
			if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 1_000_000) {
				v.add(field + ".quantity", "must be a whole number from 1 to 1000000");
			}
			else if (sku != null) {
				units.merge(sku, line.quantity(), Integer::sum);
			}
		}
		return new ValidEvent.Refund(null, currency, units);
	}
}
