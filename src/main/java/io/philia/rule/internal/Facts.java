package io.philia.rule.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.philia.member.Member;
import io.philia.program.Store;
import io.philia.rule.EarningContext;
import io.philia.rule.EarningContext.Line;
import io.philia.rule.PurchaseHistory.PastOrder;
import tools.jackson.databind.JsonNode;

/**
 * What the rules of one event look at: the event's context, its time in the programme's time zone, and
 * the member's figures derived from their past orders. The CEL variables are built once, on first use,
 * and shared by every rule of the event.
 *
 * <p>Member figures describe the time before this event, except {@code streakMonths}, which counts this
 * order: the number of consecutive calendar months, up to this one, in which the member paid an order.
 * {@code daysSinceLastOrder} is -1 for a member who never ordered.
 */
public final class Facts {

	private final EarningContext context;

	private final ZonedDateTime at;

	private final Supplier<List<PastOrder>> history;

	private Map<String, Object> variables;

	public Facts(EarningContext context, ZoneId zone, Supplier<List<PastOrder>> history) {
		this.context = context;
		this.at = context.occurredAt().atZone(zone);
		this.history = history;
	}

	public EarningContext context() {
		return context;
	}

	/** When the event happened, in the programme's time zone. */
	public ZonedDateTime at() {
		return at;
	}

	public Member member() {
		return context.member();
	}

	/** The CEL variables: event, order (order.paid only), member, store, now. */
	public Map<String, Object> variables() {
		if (variables == null) {
			Map<String, Object> v = new HashMap<>();
			v.put("event", Map.of("type", context.trigger(), "data", Json.object(context.data())));
			if (context.order() != null) {
				v.put("order", order(context.order()));
			}
			v.put("member", memberVariable());
			v.put("store", store(context.store()));
			v.put("now", now());
			variables = Collections.unmodifiableMap(v);
		}
		return variables;
	}

	private Map<String, Object> order(EarningContext.Order order) {
		int digits = order.total().currency().getDefaultFractionDigits();
		List<Object> lines = new ArrayList<>(order.lines().size());
		long items = 0;
		for (Line line : order.lines()) {
			lines.add(Map.of("sku", line.sku(), "category", text(line.category()), "brand", text(line.brand()),
					"quantity", (long) line.quantity(), "unitPrice", decimal(line.unitPriceMinor(), digits), "amount",
					decimal(line.amountMinor(), digits)));
			items += line.quantity();
		}
		return Map.of("id", text(order.id()), "currency", order.total().currencyCode(), "total",
				decimal(order.total().minor(), digits), "lineCount", (long) lines.size(), "itemCount", items, "lines",
				lines);
	}

	private Map<String, Object> memberVariable() {
		Member m = context.member();
		Map<String, Object> member = new HashMap<>();
		member.put("id", text(m.id()));
		member.put("externalId", text(m.externalId()));
		member.put("email", text(m.email()));
		member.put("firstName", text(m.firstName()));
		member.put("lastName", text(m.lastName()));
		member.put("locale", text(m.locale()));
		// Tiers arrive with the tier module; until then no member has one.
		member.put("tier", "");
		member.put("attributes", Json.object(m.attributes()));
		LocalDate today = at.toLocalDate();
		LocalDate birth = m.birthDate();
		member.put("birthMonth", birth == null ? 0L : (long) birth.getMonthValue());
		member.put("birthDay", birth == null ? 0L : (long) birth.getDayOfMonth());
		member.put("birthdayMonth", birth != null && birth.getMonth() == today.getMonth());
		member.put("age", birth == null ? -1L : (long) Math.max(Period.between(birth, today).getYears(), -1));
		member.put("enrolledDays", m.enrolledAt() == null ? 0L
				: Math.max(ChronoUnit.DAYS.between(m.enrolledAt().atZone(at.getZone()).toLocalDate(), today), 0));
		return new MemberVariable(member);
	}

	/**
	 * The member as CEL sees it. The figures from past orders cost a query: they are computed the first
	 * time an expression reads one of them, and never for rules that do not.
	 */
	private final class MemberVariable extends AbstractMap<String, Object> {

		private static final Set<String> FIGURES = Set.of("orderCount", "totalSpent", "daysSinceLastOrder",
				"ordersThisMonth", "streakMonths");

		private final Map<String, Object> fields;

		private Map<String, Object> figures;

		MemberVariable(Map<String, Object> fields) {
			this.fields = fields;
		}

		@Override
		public Object get(Object key) {
			return FIGURES.contains(key) ? figures().get(key) : fields.get(key);
		}

		@Override
		public boolean containsKey(Object key) {
			return FIGURES.contains(key) || fields.containsKey(key);
		}

		@Override
		public int size() {
			return fields.size() + FIGURES.size();
		}

		@Override
		public Set<Entry<String, Object>> entrySet() {
			Map<String, Object> all = new HashMap<>(fields);
			all.putAll(figures());
			return all.entrySet();
		}

		private Map<String, Object> figures() {
			if (figures == null) {
				figures = new HashMap<>();
				stats(figures);
			}
			return figures;
		}
	}

	/** Order count, total spent, days since the last order, orders this month and the monthly streak. */
	private void stats(Map<String, Object> member) {
		List<PastOrder> past = context.member().id() == null ? List.of() : history.get();
		String currency = context.order() != null ? context.order().total().currencyCode()
				: context.store() != null ? context.store().currency() : null;
		long count = 0;
		long spent = 0;
		long thisMonth = 0;
		LocalDate last = null;
		YearMonth month = YearMonth.from(at);
		Set<YearMonth> months = new HashSet<>();
		for (PastOrder order : past) {
			ZonedDateTime paid = order.paidAt().atZone(at.getZone());
			if (paid.isAfter(at)) {
				continue;
			}
			count++;
			if (currency == null || currency.equals(order.currency())) {
				spent += order.netMinor();
			}
			LocalDate day = paid.toLocalDate();
			last = last == null || day.isAfter(last) ? day : last;
			YearMonth paidMonth = YearMonth.from(paid);
			months.add(paidMonth);
			thisMonth += paidMonth.equals(month) ? 1 : 0;
		}
		if (context.order() != null) {
			months.add(month);
		}
		long streak = 0;
		for (YearMonth m = month; months.contains(m); m = m.minusMonths(1)) {
			streak++;
		}
		int digits = currency == null ? 2 : java.util.Currency.getInstance(currency).getDefaultFractionDigits();
		member.put("orderCount", count);
		member.put("totalSpent", decimal(spent, Math.max(digits, 0)));
		member.put("daysSinceLastOrder", last == null ? -1L : ChronoUnit.DAYS.between(last, at.toLocalDate()));
		member.put("ordersThisMonth", thisMonth);
		member.put("streakMonths", streak);
	}

	private static Map<String, Object> store(Store store) {
		if (store == null) {
			return Map.of("id", "", "code", "", "name", "", "currency", "");
		}
		return Map.of("id", store.id(), "code", store.code(), "name", store.name(), "currency", store.currency());
	}

	private Map<String, Object> now() {
		return Map.of("date", at.toLocalDate().toString(), "year", (long) at.getYear(), "month",
				(long) at.getMonthValue(), "day", (long) at.getDayOfMonth(), "dayOfWeek",
				(long) at.getDayOfWeek().getValue(), "hour", (long) at.getHour(), "minute", (long) at.getMinute());
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static double decimal(long minor, int digits) {
		return digits <= 0 ? minor : minor / Math.pow(10, digits);
	}

	/** JSON as CEL values: objects as maps, arrays as lists, integers as int, other numbers as double. */
	static final class Json {

		private Json() {
		}

		static Map<String, Object> object(JsonNode node) {
			if (node == null || !node.isObject()) {
				return Map.of();
			}
			Map<String, Object> map = new LinkedHashMap<>();
			node.properties().forEach(e -> {
				Object value = value(e.getValue());
				if (value != null) {
					map.put(e.getKey(), value);
				}
			});
			return map;
		}

		private static Object value(JsonNode node) {
			if (node.isObject()) {
				return object(node);
			}
			if (node.isArray()) {
				List<Object> list = new ArrayList<>();
				node.values().forEach(item -> {
					Object value = value(item);
					if (value != null) {
						list.add(value);
					}
				});
				return list;
			}
			if (node.isIntegralNumber() && node.canConvertToLong()) {
				return node.longValue();
			}
			if (node.isNumber()) {
				return node.doubleValue();
			}
			if (node.isBoolean()) {
				return node.booleanValue();
			}
			if (node.isString()) {
				return node.stringValue();
			}
			// JSON null: CEL sees the key as absent.
			return null;
		}
	}
}
