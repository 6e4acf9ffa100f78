package io.philia.program.cli;

import io.philia.program.DebtPolicy;
import io.philia.program.ExpiryPolicy;
import io.philia.program.ProgrammeSettings;
import io.philia.program.EarningRate;
import io.philia.program.ReturnWindow;
import io.philia.program.TransferLimits;

/** A programme's lifecycle settings on one line, as {@code ./philia admin list} prints them. */
final class SettingsText {

	private SettingsText() {
	}

	static String of(ProgrammeSettings s) {
		return "return window: " + window(s.returnWindow()) + "; expiry: " + expiry(s.expiry()) + "; debt: "
				+ debt(s.debt()) + "; cost per point: "
				+ (s.costPerPoint() == null ? "not set" : s.costPerPoint().amount() + " " + s.costPerPoint().currency())
				+ "; transfers: " + transfers(s.transfers());
	}

	/** "10 points per 15.00 EUR, in whole steps". */
	static String earning(EarningRate rate) {
		return rate.points() + " points per " + rate.per().amount() + " " + rate.per().currency().getCurrencyCode()
				+ (rate.rounding() == EarningRate.Rounding.STEPS ? ", in whole steps" : ", proportional");
	}

	static String window(ReturnWindow w) {
		return w == null || !w.holds() ? "none" : w.days() + " days after " + w.from()
				+ (w.fulfilledWithin() == null ? "" : " (at the latest " + w.fulfilledWithin() + " days after paid)");
	}

	private static String expiry(ExpiryPolicy e) {
		return switch (e.policy()) {
			case "after-earning" -> e.months() + " months after earning";
			case "fixed-date" -> "on " + e.date() + " of the year of earning"
					+ (e.yearsAfter() == 0 ? "" : " + " + e.yearsAfter() + " year(s)");
			case "inactivity" -> "after " + e.months() + " months without activity";
			default -> "never";
		};
	}

	private static String debt(DebtPolicy d) {
		return d.allowedDebt() == 0 ? "none (shortfall recorded)" : "down to -" + d.allowedDebt();
	}

	private static String transfers(TransferLimits t) {
		if (!t.enabled()) {
			return "off";
		}
		return "on (per transfer " + limit(t.maxPoints()) + ", sent per month " + limit(t.maxSentPerMonth())
				+ ", received per month " + limit(t.maxReceivedPerMonth()) + ")";
	}

	private static String limit(Long value) {
		return value == null ? "unlimited" : value.toString();
	}
}
