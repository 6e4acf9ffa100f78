package io.philia.rule.internal;

import static io.philia.rule.internal.DefinitionCheck.EFFECTS;
import static io.philia.rule.internal.DefinitionCheck.MAX_POINTS;
import static io.philia.rule.internal.DefinitionCheck.MEMBER_TRIGGERS;
import static io.philia.rule.internal.DefinitionCheck.PROFILE_FIELDS;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Lines;

/**
 * Checks a rule's effect: its type fits the trigger (an amount needs an order, profile fields need a
 * member event), each number is in range, and nothing is set that the type would ignore.
 */
final class EffectCheck {

	private final DefinitionCheck check;

	EffectCheck(DefinitionCheck check) {
		this.check = check;
	}

	Effect check(Effect effect, String trigger) {
		if (effect == null || effect.type() == null) {
			check.add("effect.type", "is required: one of " + EFFECTS.stream().sorted().toList());
			return effect;
		}
		String type = effect.type();
		if (!EFFECTS.contains(type)) {
			check.add("effect.type", "must be one of " + EFFECTS.stream().sorted().toList());
			return effect;
		}
		boolean order = ConditionLanguage.isOrder(trigger);
		boolean member = trigger != null && MEMBER_TRIGGERS.contains(trigger);
		if (trigger != null && !order && Set.of("perAmount", "perUnit").contains(type)) {
			check.add("effect.type", type + " counts an order's amount or units: it needs the trigger order.paid");
		}
		if (trigger != null && !member && type.equals("perField")) {
			check.add("effect.type", "perField rewards profile fields: it needs the trigger member.enrolled or member.changed");
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
					check.add("effect.per", "must be a positive decimal amount such as \"15.00\"");
				}
				rounding = rounding == null ? "steps" : rounding;
				if (!rounding.equals("steps") && !rounding.equals("proportional")) {
					check.add("effect.rounding", "must be \"steps\" or \"proportional\"");
				}
			}
			case "fixed" -> {
				if ((effect.points() == null) == (expression == null)) {
					check.add("effect.points", "or effect.expression (CEL giving an int), exactly one of them, is required");
				}
				else if (expression != null) {
					expression = expression.strip();
					if (trigger != null) {
						check.expression("effect.expression", expression, trigger, true);
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
					check.add("effect.factor", "must be a decimal from 1 to 999, such as \"2\" or \"1.5\"");
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
			check.add(field, "does not apply to a " + type + " effect");
		}
	}

	private void points(Long points, boolean required) {
		if (points == null ? required : points < 0 || points > MAX_POINTS) {
			check.add("effect.points", "must be a whole number of points from 0 to " + MAX_POINTS);
		}
	}

	private void fields(List<String> fields) {
		if (fields == null || fields.isEmpty()) {
			check.add("effect.fields", "must list profile fields: " + PROFILE_FIELDS.stream().sorted().toList()
					+ " or attributes.<name>");
			return;
		}
		for (int i = 0; i < fields.size(); i++) {
			String field = fields.get(i);
			if (field == null || !PROFILE_FIELDS.contains(field) && !field.matches("attributes\\.[A-Za-z0-9_-]{1,60}")) {
				check.add("effect.fields[" + i + "]", "must be one of " + PROFILE_FIELDS.stream().sorted().toList()
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
			check.add("effect.lines", "must name at least one SKU, category or brand");
		}
	}

	private int names(String field, List<String> names) {
		if (names == null) {
			return 0;
		}
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (name == null || name.isBlank() || name.length() > 100) {
				check.add(field + "[" + i + "]", "must be 1 to 100 characters");
			}
		}
		return names.size();
	}
}
