package io.philia.rule;

import java.util.List;

/**
 * What a rule does; every edit makes a new version of it. Absent optional parts mean "none".
 *
 * @param name shown to marketers and, in explanations, to members
 * @param trigger the event type it reacts to: {@code order.paid}, {@code member.enrolled},
 * {@code member.changed} (a profile edit; also run at enrolment) or {@code custom.<name>}
 * @param condition a CEL expression over {@code event}, {@code order} (order.paid only), {@code member},
 * {@code store} and {@code now}; absent means always
 * @param effect the points it gives
 * @param limits caps on what it gives
 * @param validity when it is in force, in the programme's time zone
 * @param priority rules run from the highest priority down (default 100; the store's rate runs at 1000)
 * @param stopFurtherRules when it applies, the rules after it do not run
 */
public record RuleDefinition(String name, String description, String trigger, String condition, Effect effect,
		Limits limits, Validity validity, Integer priority, Boolean stopFurtherRules) {

	public static final int DEFAULT_PRIORITY = 100;

	/**
	 * The points a rule gives. {@code type} is one of:
	 * <ul>
	 * <li>{@code perAmount}: {@code points} per {@code per} of the order (or of the lines chosen by
	 * {@code lines}), rounded in {@code steps} or {@code proportional};</li>
	 * <li>{@code fixed}: {@code points}, or the int an {@code expression} in CEL computes;</li>
	 * <li>{@code perUnit}: {@code points} for each unit of the chosen lines;</li>
	 * <li>{@code multiplier}: the points of the rules before it times {@code factor} (a decimal such as
	 * "2" or "1.5"), on the share of the order the chosen lines make;</li>
	 * <li>{@code perField}: {@code points} for each of the profile {@code fields} the member has filled, once
	 * per field.</li>
	 * </ul>
	 */
	public record Effect(String type, Long points, String per, String rounding, String factor, String expression,
			Lines lines, List<String> fields) {
	}

	/** Order lines an effect counts: any line whose SKU, category or brand is listed. */
	public record Lines(List<String> skus, List<String> categories, List<String> brands) {
	}

	/**
	 * Caps: points per event ({@code perOrder}), per member and calendar day or month, in total for the
	 * rule ({@code budget}), and {@code oncePerMember}.
	 */
	public record Limits(Long perOrder, Long perMemberPerDay, Long perMemberPerMonth, Long budget,
			Boolean oncePerMember) {
	}

	/**
	 * When the rule is in force: dates {@code from} and {@code until} (inclusive, ISO dates), days of the
	 * week (monday … sunday), and a daily time range.
	 */
	public record Validity(String from, String until, List<String> daysOfWeek, Hours hours) {
	}

	/** From {@code from} (inclusive) to {@code until} (exclusive), "HH:MM"; past midnight if until &lt; from. */
	public record Hours(String from, String until) {
	}
}
