package io.philia.rule.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.philia.platform.FieldViolation;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.rule.RuleDefinition;
import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Hours;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleDefinition.Validity;
import io.philia.rule.RuleProblems;

/**
 * Checks a rule's definition before it is saved, every field at fault at once, and compiles its CEL
 * against the variables of its trigger: what does not compile never reaches an event. Answers the
 * definition with defaults filled in.
 */
public final class DefinitionCheck {

	public static final Set<String> MEMBER_TRIGGERS = Set.of("member.enrolled", "member.changed");

	public static final Set<String> EFFECTS = Set.of("perAmount", "fixed", "perUnit", "multiplier", "perField");

	public static final Set<String> PROFILE_FIELDS = Set.of("firstName", "lastName", "email", "phone", "birthDate",
			"locale");

	static final long MAX_POINTS = 1_000_000_000L;

	static final int MAX_EXPRESSION = 4000;

	private final List<FieldViolation> violations = new ArrayList<>();

	private final List<Map<String, Object>> faults = new ArrayList<>();

	private DefinitionCheck() {
	}

	public static RuleDefinition check(RuleDefinition rule) {
		if (rule == null) {
			throw InvalidRequest.of("body", "must be a rule: name, trigger, effect…");
		}
		return new DefinitionCheck().run(rule);
	}

	private RuleDefinition run(RuleDefinition rule) {
		String name = requireText("name", rule.name(), 200);
		String description = rule.description();
		if (description != null && description.length() > 1000) {
			add("description", "must be at most 1000 characters");
		}
		String trigger = trigger(rule.trigger());
		String condition = rule.condition() == null || rule.condition().isBlank() ? null : rule.condition().strip();
		if (condition != null && trigger != null) {
			expression("condition", condition, trigger, false);
		}
		Effect effect = new EffectCheck(this).check(rule.effect(), trigger);
		Limits limits = limits(rule.limits());
		Validity validity = validity(rule.validity());
		int priority = rule.priority() == null ? RuleDefinition.DEFAULT_PRIORITY : rule.priority();
		if (priority < -1_000_000 || priority > 1_000_000) {
			add("priority", "must be between -1000000 and 1000000");
		}
		boolean stop = Boolean.TRUE.equals(rule.stopFurtherRules());
		if (!faults.isEmpty()) {
			List<Object> errors = new ArrayList<>(faults);
			errors.addAll(violations);
			throw new PhiliaException(RuleProblems.INVALID_EXPRESSION,
					faults.get(0).get("field") + ": " + faults.get(0).get("message") + " (line "
							+ faults.get(0).get("line") + ", column " + faults.get(0).get("column") + ")",
					Map.of("errors", errors));
		}
		if (!violations.isEmpty()) {
			throw new InvalidRequest(violations);
		}
		return new RuleDefinition(name, description, trigger, condition, effect, limits, validity, priority, stop);
	}

	private String trigger(String trigger) {
		if (trigger == null || trigger.isBlank()) {
			add("trigger", "is required: order.paid, member.enrolled, member.changed or custom.<name>");
			return null;
		}
		if (!trigger.equals("order.paid") && !MEMBER_TRIGGERS.contains(trigger)
				&& !trigger.matches("custom\\.[a-z0-9][a-z0-9_.-]{0,60}")) {
			add("trigger", "must be order.paid, member.enrolled, member.changed or custom.<name>");
			return null;
		}
		return trigger;
	}

	private Limits limits(Limits limits) {
		if (limits == null) {
			return null;
		}
		positive("limits.perOrder", limits.perOrder());
		positive("limits.perMemberPerDay", limits.perMemberPerDay());
		positive("limits.perMemberPerMonth", limits.perMemberPerMonth());
		positive("limits.budget", limits.budget());
		return limits;
	}

	private void positive(String field, Long value) {
		if (value != null && (value < 1 || value > 1_000_000_000_000L)) {
			add(field, "must be a whole number of points, at least 1");
		}
	}

	private Validity validity(Validity validity) {
		if (validity == null) {
			return null;
		}
		LocalDate from = date("validity.from", validity.from());
		LocalDate until = date("validity.until", validity.until());
		if (from != null && until != null && until.isBefore(from)) {
			add("validity.until", "must not be before validity.from");
		}
		List<String> days = validity.daysOfWeek();
		if (days != null) {
			if (days.isEmpty()) {
				add("validity.daysOfWeek", "must name at least one day, or be left out");
			}
			for (int i = 0; i < days.size(); i++) {
				if (dayOfWeek(days.get(i)) == null) {
					add("validity.daysOfWeek[" + i + "]", "must be a day of the week: monday … sunday");
				}
			}
		}
		Hours hours = validity.hours();
		if (hours != null) {
			LocalTime start = time("validity.hours.from", hours.from());
			LocalTime end = time("validity.hours.until", hours.until());
			if (start != null && start.equals(end)) {
				add("validity.hours.until", "must differ from validity.hours.from");
			}
		}
		return validity;
	}

	static DayOfWeek dayOfWeek(String day) {
		if (day == null) {
			return null;
		}
		try {
			return DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private LocalDate date(String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			add(field, "must be an ISO date such as 2026-12-31");
			return null;
		}
	}

	private LocalTime time(String field, String value) {
		if (value == null || !value.matches("\\d{2}:\\d{2}")) {
			add(field, "must be a time of day such as 18:00");
			return null;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeParseException e) {
			add(field, "must be a time of day such as 18:00");
			return null;
		}
	}

	void expression(String field, String expression, String trigger, boolean points) {
		if (expression.length() > MAX_EXPRESSION) {
			add(field, "must be at most " + MAX_EXPRESSION + " characters");
			return;
		}
		try {
			if (points) {
				ConditionLanguage.points(expression, trigger);
			}
			else {
				ConditionLanguage.condition(expression, trigger);
			}
		}
		catch (ConditionLanguage.Invalid e) {
			e.faults()
				.forEach(f -> faults.add(Map.of("field", field, "message", f.message(), "line", f.line(), "column",
						f.column())));
		}
	}

	private String requireText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			add(field, "is required");
			return null;
		}
		if (value.length() > max) {
			add(field, "must be at most " + max + " characters");
		}
		return value;
	}

	void add(String field, String message) {
		violations.add(new FieldViolation(field, message));
	}
}
