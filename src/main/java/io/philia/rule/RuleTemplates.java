package io.philia.rule;

import java.util.List;
import java.util.Optional;

import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleDefinition.Lines;

/** The mechanics from the field (issue #5), each a rule ready to create; every one is covered by a test. */
public final class RuleTemplates {

	public static final List<RuleTemplate> ALL = List.of(
			template("sign-up-bonus", "Points for joining the programme, once.",
					new RuleDefinition("Welcome bonus", null, "member.enrolled", null, fixed(100),
							new Limits(null, null, null, null, true), null, 100, false)),
			template("profile-completion", "Points for each profile field the member fills in, once per field.",
					new RuleDefinition("Complete your profile", null, "member.changed", null,
							new Effect("perField", 20L, null, null, null, null, null,
									List.of("firstName", "lastName", "phone", "birthDate")),
							null, null, 100, false)),
			template("first-purchase", "A bonus on the member's first paid order.",
					new RuleDefinition("First order bonus", null, "order.paid", "member.orderCount == 0", fixed(200),
							new Limits(null, null, null, null, true), null, 100, false)),
			template("birthday-month-double", "Double points on orders paid in the member's birthday month.",
					new RuleDefinition("Birthday month ×2", null, "order.paid", "member.birthdayMonth",
							multiplier("2", null), null, null, 10, false)),
			template("category-multiplier", "Triple points on the wine in an order.",
					new RuleDefinition("Wine ×3", null, "order.paid",
							"order.lines.exists(l, l.category == 'wine')",
							multiplier("3", new Lines(null, List.of("wine"), null)), null, null, 20, false)),
			template("spend-threshold", "A bonus for orders of 150 or more.",
					new RuleDefinition("Big basket bonus", null, "order.paid", "order.total >= 150", fixed(500), null,
							null, 100, false)),
			template("come-back-soon",
					"A bonus that decays with the days since the previous order: +500 within 7 days, +250 within 30.",
					new RuleDefinition("Come back soon", null, "order.paid",
							"member.orderCount > 0 && member.daysSinceLastOrder <= 30",
							new Effect("fixed", null, null, null, null,
									"member.daysSinceLastOrder <= 7 ? 500 : 250", null, null),
							null, null, 100, false)),
			template("review-written", "Points for a review (custom event custom.review_written), at most 3 a day.",
					new RuleDefinition("Review bonus", null, "custom.review_written", null, fixed(50),
							new Limits(null, 150L, null, null, null), null, 100, false)),
			template("streak", "A bonus for ordering in 3 consecutive calendar months (on the first order of the "
					+ "third month, then every third month of the streak).",
					new RuleDefinition("Three months in a row", null, "order.paid",
							"member.streakMonths >= 3 && member.streakMonths % 3 == 0 && member.ordersThisMonth == 0",
							fixed(300), null, null, 100, false)));

	private RuleTemplates() {
	}

	public static Optional<RuleTemplate> find(String id) {
		return ALL.stream().filter(t -> t.id().equals(id)).findFirst();
	}

	private static RuleTemplate template(String id, String description, RuleDefinition rule) {
		return new RuleTemplate(id, description, rule);
	}

	private static Effect fixed(long points) {
		return new Effect("fixed", points, null, null, null, null, null, null);
	}

	private static Effect multiplier(String factor, Lines lines) {
		return new Effect("multiplier", null, null, null, factor, null, lines, null);
	}
}
