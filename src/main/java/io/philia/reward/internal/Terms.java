package io.philia.reward.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.philia.platform.Money;
import io.philia.platform.Violations;
import io.philia.reward.CouponTerms;

/**
 * Coupon terms that passed validation: amounts in minor units, the scope as sets. Built only through
 * {@link #parse}, so a campaign with impossible terms cannot exist.
 */
public record Terms(Kind kind, int percent, long amountMinor, String currency, long minimumMinor, Set<String> skus,
		Set<String> categories, boolean stackable, List<Step> decay) {

	public enum Kind {
		PERCENTAGE, AMOUNT, FREE_SHIPPING
	}

	/** Within {@code within} of being issued, the coupon gives this percent or amount. */
	public record Step(Duration within, int percent, long amountMinor) {
	}

	public boolean scoped() {
		return !skus.isEmpty() || !categories.isEmpty();
	}

	/** How long a decaying coupon lasts: until its last step ends. */
	public Duration lifetime() {
		return decay.isEmpty() ? null : decay.get(decay.size() - 1).within();
	}

	public static Terms parse(Violations v, String field, CouponTerms terms) {
		if (terms == null) {
			v.add(field, "is required: {\"discount\": \"percentage\", \"percent\": 10}, an amount or free-shipping");
			return null;
		}
		Kind kind = switch (terms.discount() == null ? "" : terms.discount()) {
			case "percentage" -> Kind.PERCENTAGE;
			case "amount" -> Kind.AMOUNT;
			case "free-shipping" -> Kind.FREE_SHIPPING;
			default -> {
				v.add(field + ".discount", "must be percentage, amount or free-shipping");
				yield null;
			}
		};
		String currency = terms.currency() == null ? null
				: v.check(field + ".currency", () -> Money.currency(terms.currency()).getCurrencyCode());
		boolean decaying = terms.decay() != null && !terms.decay().isEmpty();
		int percent = 0;
		long amount = 0;
		if (kind == Kind.PERCENTAGE && !decaying) {
			percent = percent(v, field + ".percent", terms.percent());
		}
		if (kind == Kind.AMOUNT && !decaying) {
			amount = amount(v, field + ".amount", terms.amount(), currency, true);
		}
		long minimum = terms.minimumBasket() == null ? 0
				: amount(v, field + ".minimumBasket", terms.minimumBasket(), currency, false);
		Set<String> skus = Set.of();
		Set<String> categories = Set.of();
		if (terms.scope() != null) {
			skus = names(v, field + ".scope.skus", terms.scope().skus());
			categories = names(v, field + ".scope.categories", terms.scope().categories());
			if (skus.isEmpty() && categories.isEmpty()) {
				v.add(field + ".scope", "needs skus or categories (or leave it out for the whole cart)");
			}
		}
		List<Step> decay = decaying ? decay(v, field + ".decay", terms.decay(), kind, currency) : List.of();
		if (!v.isEmpty()) {
			return null;
		}
		return new Terms(kind, percent, amount, currency, minimum, skus, categories,
				Boolean.TRUE.equals(terms.stackable()), decay);
	}

	private static List<Step> decay(Violations v, String field, List<CouponTerms.Step> input, Kind kind,
			String currency) {
		if (kind == Kind.FREE_SHIPPING) {
			v.add(field, "applies to percentage and amount discounts only");
			return List.of();
		}
		if (input.size() > 10) {
			v.add(field, "has at most 10 steps");
		}
		List<Step> steps = new ArrayList<>();
		int previousDays = 0;
		for (int i = 0; i < input.size(); i++) {
			var step = input.get(i);
			String at = field + "[" + i + "]";
			if (step == null || step.withinDays() == null || step.withinDays() < 1 || step.withinDays() > 3650) {
				v.add(at + ".withinDays", "must be a number of days from 1 to 3650");
				continue;
			}
			if (step.withinDays() <= previousDays) {
				v.add(at + ".withinDays", "must be longer than the step before");
			}
			previousDays = step.withinDays();
			int percent = kind == Kind.PERCENTAGE ? percent(v, at + ".percent", step.percent()) : 0;
			long amount = kind == Kind.AMOUNT ? amount(v, at + ".amount", step.amount(), currency, true) : 0;
			steps.add(new Step(Duration.ofDays(step.withinDays()), percent, amount));
		}
		return List.copyOf(steps);
	}

	private static int percent(Violations v, String field, Integer percent) {
		if (percent == null || percent < 1 || percent > 100) {
			v.add(field, "must be a whole percentage from 1 to 100");
			return 0;
		}
		return percent;
	}

	private static long amount(Violations v, String field, String amount, String currency, boolean positive) {
		if (currency == null) {
			v.add(field, "needs the terms' currency");
			return 0;
		}
		Money money = v.check(field, () -> Money.of(amount, currency));
		if (money != null && (money.minor() < 0 || positive && money.minor() == 0)) {
			v.add(field, positive ? "must be more than zero" : "must not be negative");
		}
		return money == null ? 0 : money.minor();
	}

	private static Set<String> names(Violations v, String field, List<String> names) {
		if (names == null) {
			return Set.of();
		}
		if (names.size() > 1000 || names.stream().anyMatch(n -> n == null || n.isBlank() || n.length() > 100)) {
			v.add(field, "must be at most 1000 names of 1 to 100 characters");
			return Set.of();
		}
		return Set.copyOf(names);
	}
}
