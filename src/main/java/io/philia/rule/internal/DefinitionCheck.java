package io.philia.rule.internal;

import java.math.BigDecimal;
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
import io.philia.rule.RuleDefinition.Lines;
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
		Effect effect = effect(rule.effect(), trigger);
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

	private Effect effect(Effect effect, String trigger) {
		if (effect == null || effect.type() == null) {
			add("effect.type", "is required: one of " + EFFECTS.stream().sorted().toList());
			return effect;
		}
		String type = effect.type();
		if (!EFFECTS.contains(type)) {
			add("effect.type", "must be one of " + EFFECTS.stream().sorted().toList());
			return effect;
		}
		boolean order = ConditionLanguage.isOrder(trigger);
		boolean member = trigger != null && MEMBER_TRIGGERS.contains(trigger);
		if (trigger != null && !order && Set.of("perAmount", "perUnit").contains(type)) {
			add("effect.type", type + " counts an order's amount or units: it needs the trigger order.paid");
		}
		if (trigger != null && !member && type.equals("perField")) {
			add("effect.type", "perField rewards profile fields: it needs the trigger member.enrolled or member.changed");
		}
		allowed(effect.per() != null || effect.rounding() != null, type.equals("perAmount"), "effect.per", type);
		allowed(effect.factor() != null, type.equals("multiplier"), "effect.factor", type);
		allowed(effect.expression() != null, type.equals("fixed"), "effect.expression", type);
		allowed(effect.fields() != null, type.equals("perField"), "effect.fields", type);
		allowed(effect.points() != null, !type.equals("multiplier"), "effect.points", type);
		allowed(effect.lines() != null, Set.of("perAmount", "perUnit", "multiplier").contains(type) && order,
				"effect.lines", type + " without an order");
		String rounding = effect.rounding();
		String expression = effect.expression();
		switch (type) {
			case "perAmount" -> {
				points(effect.points(), true);
				if (effect.per() == null || !effect.per().matches("\\d{1,12}(\\.\\d{1,4})?")
						|| new BigDecimal(effect.per()).signum() <= 0) {
					add("effect.per", "must be a positive decimal amount such as \"15.00\"");
				}
				rounding = rounding == null ? "steps" : rounding;
				if (!rounding.equals("steps") && !rounding.equals("proportional")) {
					add("effect.rounding", "must be \"steps\" or \"proportional\"");
				}
			}
			case "fixed" -> {
				if ((effect.points() == null) == (expression == null)) {
					add("effect.points", "or effect.expression (CEL giving an int), exactly one of them, is required");
				}
				else if (expression != null) {
					expression = expression.strip();
					if (trigger != null) {
						expression("effect.expression", expression, trigger, true);
					}
				}
				else {
					points(effect.points(), true);
				}
			}
			case "perUnit", "perField" -> points(effect.points(), true);
			case "multiplier" -> {
				if (effect.factor() == null || !effect.factor().matches("\\d{1,3}(\\.\\d{1,4})?")
						|| new BigDecimal(effect.factor()).compareTo(BigDecimal.ONE) < 0) {
					add("effect.factor", "must be a decimal from 1 to 999, such as \"2\" or \"1.5\"");
				}
			}
			default -> throw new IllegalStateException(type);
		}
		if (type.equals("perField")) {
			fields(effect.fields());
		}
		lines(effect.lines());
		return new Effect(type, effect.points(), effect.per(), type.equals("perAmount") ? rounding : null,
				effect.factor(), expression, effect.lines(), effect.fields());
	}

	private void allowed(boolean present, boolean allowed, String field, String type) {
		if (present && !allowed) {
			add(field, "does not apply to a " + type + " effect");
		}
	}

	private void points(Long points, boolean required) {
		if (points == null ? required : points < 0 || points > MAX_POINTS) {
			add("effect.points", "must be a whole number of points from 0 to " + MAX_POINTS);
		}
	}

	private void fields(List<String> fields) {
		if (fields == null || fields.isEmpty()) {
			add("effect.fields", "must list profile fields: " + PROFILE_FIELDS.stream().sorted().toList()
					+ " or attributes.<name>");
			return;
		}
		for (int i = 0; i < fields.size(); i++) {
			String field = fields.get(i);
			if (field == null || !PROFILE_FIELDS.contains(field) && !field.matches("attributes\\.[A-Za-z0-9_-]{1,60}")) {
				add("effect.fields[" + i + "]", "must be one of " + PROFILE_FIELDS.stream().sorted().toList()
						+ " or attributes.<name>");
			}
		}
	}

	private void lines(Lines lines) {
		if (lines == null) {
			return;
		}
		int named = 0;
		named += names("effect.lines.skus", lines.skus());
		named += names("effect.lines.categories", lines.categories());
		named += names("effect.lines.brands", lines.brands());
		if (named == 0) {
			add("effect.lines", "must name at least one SKU, category or brand");
		}
	}

	private int names(String field, List<String> names) {
		if (names == null) {
			return 0;
		}
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (name == null || name.isBlank() || name.length() > 100) {
				add(field + "[" + i + "]", "must be 1 to 100 characters");
			}
		}
		return names.size();
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

	private void expression(String field, String expression, String trigger, boolean points) {
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

	private void add(String field, String message) {
		violations.add(new FieldViolation(field, message));
	}
}
