package io.philia.rule.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.rule.EarningContext;
import io.philia.rule.PurchaseHistory.PastOrder;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Seeded random well-typed CEL over the rules' variables, and random events to evaluate it on. The
 * expressions reach CEL's errors on purpose: overflows near the int bounds, divisions by zero, indexes
 * out of range, NaN and -0.0 from double arithmetic.
 */
final class RandomExpressions {

	private static final String[] CATEGORIES = { "wine", "cheese", "beer", "" };

	private static final String[] BRANDS = { "Brand A", "Brand B", "" };

	private static final long[] INTS = { 0, 1, 2, 3, 7, -1, 100, Long.MAX_VALUE, Long.MIN_VALUE, 4_611_686_018_427_387_904L };

	private static final String[] DOUBLES = { "0.0", "-0.0", "1.5", "20.0", "150.0", "1e300", "-2.25" };

	private final Random random;

	private String line;

	RandomExpressions(Random random) {
		this.random = random;
	}

	String condition() {
		return bool(4);
	}

	String points() {
		return integer(4);
	}

	String bool(int depth) {
		return "(" + comparison(depth) + ")";
	}

	private String comparison(int depth) {
		int choice = random.nextInt(depth <= 0 ? 3 : 17);
		return switch (choice) {
			case 0 -> random.nextBoolean() ? "true" : "false";
			case 1 -> pick("member.birthdayMonth", "true");
			case 2 -> integer(0) + pick(" < ", " <= ", " > ", " >= ", " == ", " != ") + integer(0);
			case 3 -> "(" + bool(depth - 1) + pick(" && ", " || ") + bool(depth - 1) + ")";
			case 4 -> "!" + bool(depth - 1);
			case 5 -> "(" + bool(depth - 1) + " ? " + bool(depth - 1) + " : " + bool(depth - 1) + ")";
			case 6 -> decimal(depth - 1) + pick(" < ", " <= ", " > ", " >= ", " == ", " != ") + decimal(depth - 1);
			case 7 -> integer(depth - 1) + pick(" < ", " >= ") + decimal(depth - 1);
			case 8 -> decimal(depth - 1) + pick(" > ", " <= ") + integer(depth - 1);
			case 9 -> text(depth - 1) + pick(" == ", " != ") + text(depth - 1);
			case 10 -> text(depth - 1) + pick(".startsWith(", ".endsWith(", ".contains(") + text(0) + ")";
			case 11 -> text(depth - 1) + " in [" + text(0) + ", " + text(0) + "]";
			case 12 -> integer(depth - 1) + " in [" + integer(0) + ", " + integer(0) + "]";
			case 13 -> lines(pick("exists", "all", "exists_one"), depth);
			case 14 -> "size(" + lines("filter", depth) + ") " + pick(">", "==") + " " + random.nextInt(3);
			case 15 -> pick("'vip' in member.attributes", "member.attributes.size() >= 1",
					"event.data.size() == 0");
			default -> "(" + bool(depth - 1) + " && " + bool(depth - 1) + ")";
		};
	}

	String integer(int depth) {
		int choice = random.nextInt(depth <= 0 ? 3 : 12);
		return switch (choice) {
			case 0 -> literal(INTS[random.nextInt(INTS.length)]);
			case 1 -> line != null && random.nextBoolean() ? line + ".quantity"
					: pick("order.lineCount", "order.itemCount", "member.orderCount", "member.daysSinceLastOrder",
							"member.streakMonths", "member.age", "now.month", "now.dayOfWeek", "now.hour");
			case 2 -> String.valueOf(random.nextInt(10));
			case 3, 4 -> "(" + integer(depth - 1) + pick(" + ", " - ", " * ", " / ", " % ") + integer(depth - 1) + ")";
			case 5 -> "-" + integer(depth - 1);
			case 6 -> "int(" + decimal(depth - 1) + ")";
			case 7 -> "size(" + text(depth - 1) + ")";
			case 8 -> "size(" + lines(pick("filter", "map"), depth) + ")";
			case 9 -> "(" + bool(depth - 1) + " ? " + integer(depth - 1) + " : " + integer(depth - 1) + ")";
			case 10 -> "order.lines.map(l, l.quantity)[" + integer(0) + "]";
			default -> "[" + integer(depth - 1) + ", " + integer(0) + "][" + random.nextInt(3) + "]";
		};
	}

	String decimal(int depth) {
		int choice = random.nextInt(depth <= 0 ? 2 : 7);
		return switch (choice) {
			case 0 -> DOUBLES[random.nextInt(DOUBLES.length)];
			case 1 -> line != null && random.nextBoolean() ? line + pick(".amount", ".unitPrice")
					: pick("order.total", "member.totalSpent");
			case 2, 3 -> "(" + decimal(depth - 1) + pick(" + ", " - ", " * ", " / ") + decimal(depth - 1) + ")";
			case 4 -> "-" + decimal(depth - 1);
			case 5 -> "double(" + integer(depth - 1) + ")";
			default -> "(" + bool(depth - 1) + " ? " + decimal(depth - 1) + " : " + decimal(depth - 1) + ")";
		};
	}

	String text(int depth) {
		int choice = random.nextInt(depth <= 0 ? 2 : 4);
		return switch (choice) {
			case 0 -> "'" + pick(CATEGORIES) + "'";
			case 1 -> line != null && random.nextBoolean() ? line + pick(".category", ".brand", ".sku")
					: pick("order.currency", "store.code", "member.firstName", "event.type", "now.date");
			case 2 -> "(" + text(depth - 1) + " + " + text(depth - 1) + ")";
			default -> "(" + bool(depth - 1) + " ? " + text(depth - 1) + " : " + text(depth - 1) + ")";
		};
	}

	/** A macro over the order's lines, its body about one line (nested loops see the inner line). */
	private String lines(String macro, int depth) {
		String outer = line;
		line = outer == null ? "l" : outer + "i";
		String body = macro.equals("map") ? integer(depth - 1) : bool(depth - 1);
		String loop = "order.lines." + macro + "(" + line + ", " + body + ")";
		line = outer;
		return loop;
	}

	private static String literal(long value) {
		// -9223372036854775808 is not a literal: its negation overflows.
		return value == Long.MIN_VALUE ? "(-9223372036854775807 - 1)" : value < 0 ? "(" + value + ")" : String.valueOf(value);
	}

	private String pick(String... choices) {
		return choices[random.nextInt(choices.length)];
	}

	/** A random order.paid with 0 to 5 lines, a member with or without a birthday, and past orders. */
	Facts facts() {
		List<EarningContext.Line> lines = new ArrayList<>();
		long total = 0;
		for (int i = random.nextInt(6); i > 0; i--) {
			var line = new EarningContext.Line("SKU-" + random.nextInt(4), random.nextInt(5) == 0 ? null : pick(CATEGORIES),
					random.nextInt(4) == 0 ? null : pick(BRANDS), 1 + random.nextInt(4), random.nextInt(5_000));
			lines.add(line);
			total += line.amountMinor();
		}
		Instant at = Instant.parse("2026-11-22T10:00:00Z").plusSeconds(random.nextInt(86_400 * 200));
		LocalDate birth = random.nextBoolean() ? null : LocalDate.of(1960 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
		var attributes = JsonNodeFactory.instance.objectNode();
		if (random.nextBoolean()) {
			attributes.put("vip", random.nextBoolean());
		}
		var member = new Member("member-1", "C-42", "anne@example.com", null, random.nextBoolean() ? "Anne" : null,
				null, birth, "fr", Map.of(), attributes, Instant.parse("2025-01-01T00:00:00Z"),
				Instant.parse("2025-01-01T00:00:00Z"));
		var order = new EarningContext.Order("1001", Money.ofMinor(random.nextInt(3) == 0 ? 0 : total, "EUR"), lines);
		List<PastOrder> past = new ArrayList<>();
		for (int i = random.nextInt(5); i > 0; i--) {
			past.add(new PastOrder(at.minusSeconds(86_400L * random.nextInt(120)), "EUR", random.nextInt(20_000)));
		}
		var context = new EarningContext("programme-1", Given.STORE, "order.paid", "event-1", at, null, member, order);
		return new Facts(context, Given.PARIS, () -> past);
	}
}
