package io.philia.rule.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.philia.member.Member;
import io.philia.program.Store;
import io.philia.rule.EarningContext;
import io.philia.rule.EarningContext.Line;
import io.philia.rule.PurchaseHistory.PastOrder;

/**
 * What the rules of one event look at: the event's context, its time in the programme's time zone, and
 * the member's figures derived from their past orders. The variables' values ({@link Struct}s) are built
 * once, on first use, and shared by every rule of the event.
 *
 * <p>Member figures describe the time before this event, except {@code streakMonths}, which counts this
 * order: the number of consecutive calendar months, up to this one, in which the member paid an order.
 * {@code daysSinceLastOrder} is -1 for a member who never ordered.
 */
public final class Facts {

	private final EarningContext context;

	private final ZonedDateTime at;

	private final Supplier<List<PastOrder>> history;

	private Struct event;

	private Struct order;

	private Struct member;

	private Struct store;

	private Struct now;

	private LineIndex lines;

	private Map<String, Object> variables;

	private Map<String, Object> remembered;

	private String day;

	private String month;

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

	/** The CEL variables, for the interpreter: event, order (order.paid only), member, store, now. */
	public Map<String, Object> variables() {
		if (variables == null) {
			Map<String, Object> v = new HashMap<>();
			v.put("event", event());
			if (context.order() != null) {
				v.put("order", order());
			}
			v.put("member", memberStruct());
			v.put("store", store());
			v.put("now", now());
			variables = Collections.unmodifiableMap(v);
		}
		return variables;
	}

	Struct event() {
		if (event == null) {
			event = ConditionLanguage.EVENT_FIELDS.of(context.trigger(), Json.object(context.data()));
		}
		return event;
	}

	/** The order, or null outside order.paid. */
	Struct order() {
		if (order == null && context.order() != null) {
			order = order(context.order());
		}
		return order;
	}

	/**
	 * The member as CEL sees it. The figures from past orders cost a query: they are computed the first
	 * time an expression reads one of them, and never for rules that do not.
	 */
	Struct memberStruct() {
		if (member == null) {
			member = memberVariable();
		}
		return member;
	}

	Struct store() {
		if (store == null) {
			store = store(context.store());
		}
		return store;
	}

	Struct now() {
		if (now == null) {
			now = ConditionLanguage.NOW_FIELDS.of(at.toLocalDate().toString(), (long) at.getYear(),
					(long) at.getMonthValue(), (long) at.getDayOfMonth(), (long) at.getDayOfWeek().getValue(),
					(long) at.getHour(), (long) at.getMinute());
		}
		return now;
	}

	/** The period of a daily limit for this event, in the programme's time zone: "day:2026-11-22". */
	String day() {
		if (day == null) {
			day = "day:" + at.toLocalDate();
		}
		return day;
	}

	/** The period of a monthly limit for this event: "month:2026-11". */
	String month() {
		if (month == null) {
			month = "month:" + YearMonth.from(at);
		}
		return month;
	}

	/** The order's lines by SKU, category and brand, for the effects on some lines; order.paid only. */
	LineIndex lines() {
		if (lines == null) {
			lines = new LineIndex(context.order().lines());
		}
		return lines;
	}

	/**
	 * The value an identical expression already gave for this event, or null. Expressions are pure, and
	 * 200 rules often share a condition (a category test, a spending threshold). Keyed by identity: an
	 * expression's text is interned when it is compiled, and rule texts differing in a digit or two
	 * collide too often in a HashMap.
	 */
	Object remembered(String expression) {
		return remembered == null ? null : remembered.get(expression);
	}

	void remember(String expression, Object value) {
		if (remembered == null) {
			remembered = new IdentityHashMap<>();
		}
		remembered.put(expression, value);
	}

	private static Struct order(EarningContext.Order order) {
		int digits = order.total().currency().getDefaultFractionDigits();
		List<Object> lines = new ArrayList<>(order.lines().size());
		long items = 0;
		for (Line line : order.lines()) {
			lines.add(ConditionLanguage.LINE_FIELDS.of(line.sku(), text(line.category()), text(line.brand()),
					(long) line.quantity(), decimal(line.unitPriceMinor(), digits), decimal(line.amountMinor(), digits)));
			items += line.quantity();
		}
		return ConditionLanguage.ORDER_FIELDS.of(text(order.id()), order.total().currencyCode(),
				decimal(order.total().minor(), digits), (long) lines.size(), items, Collections.unmodifiableList(lines));
	}

	private Struct memberVariable() {
		Member m = context.member();
		LocalDate today = at.toLocalDate();
		LocalDate birth = m.birthDate();
		long enrolledDays = m.enrolledAt() == null ? 0L
				: Math.max(ChronoUnit.DAYS.between(m.enrolledAt().atZone(at.getZone()).toLocalDate(), today), 0);
		// Tiers arrive with the tier module; until then no member has one.
		return ConditionLanguage.MEMBER_FIELDS.of(this::stats, text(m.id()), text(m.externalId()), text(m.email()),
				text(m.firstName()), text(m.lastName()), text(m.locale()), "", Json.object(m.attributes()),
				birth == null ? 0L : (long) birth.getMonthValue(), birth == null ? 0L : (long) birth.getDayOfMonth(),
				birth != null && birth.getMonth() == today.getMonth(),
				birth == null ? -1L : (long) Math.max(Period.between(birth, today).getYears(), -1), enrolledDays,
				Struct.LATER, Struct.LATER, Struct.LATER, Struct.LATER, Struct.LATER);
	}

	/** Order count, total spent, days since the last order, orders this month and the monthly streak. */
	private void stats(Object[] member) {
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
		var fields = ConditionLanguage.MEMBER_FIELDS;
		member[fields.position("orderCount")] = count;
		member[fields.position("totalSpent")] = decimal(spent, Math.max(digits, 0));
		member[fields.position("daysSinceLastOrder")] = last == null ? -1L
				: ChronoUnit.DAYS.between(last, at.toLocalDate());
		member[fields.position("ordersThisMonth")] = thisMonth;
		member[fields.position("streakMonths")] = streak;
	}

	private static Struct store(Store store) {
		if (store == null) {
			return ConditionLanguage.STORE_FIELDS.of("", "", "", "");
		}
		return ConditionLanguage.STORE_FIELDS.of(store.id(), store.code(), store.name(), store.currency());
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static double decimal(long minor, int digits) {
		return digits <= 0 ? minor : minor / Math.pow(10, digits);
	}
}
