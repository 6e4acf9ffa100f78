package io.philia.rule.internal;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * Amounts in explanations, written exactly as {@link io.philia.platform.Money#toString()} writes them
 * ("12.30 EUR", "-0.05 EUR", "1200 JPY") but straight into the sentence being built: a BigDecimal and
 * two strings per amount were a large part of what 200 rules allocated per event (issue #5).
 */
final class MoneyText {

	private static final long[] POWERS = { 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000 };

	private MoneyText() {
	}

	/** Appends the amount and its currency code: "12.30 EUR". */
	static StringBuilder append(StringBuilder text, long minor, Currency currency) {
		return amount(text, minor, currency).append(' ').append(currency.getCurrencyCode());
	}

	/** Appends the amount alone, with the currency's decimal places: "12.30". */
	static StringBuilder amount(StringBuilder text, long minor, Currency currency) {
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		if (digits == 0) {
			return text.append(minor);
		}
		if (digits >= POWERS.length || minor == Long.MIN_VALUE) {
			// No currency has that many decimals, and no order that amount: the general way.
			return text.append(BigDecimal.valueOf(minor, digits).toPlainString());
		}
		if (minor < 0) {
			text.append('-');
		}
		long units = Math.abs(minor);
		long power = POWERS[digits];
		text.append(units / power).append('.');
		long fraction = units % power;
		for (long pad = power / 10; pad > fraction && pad > 1; pad /= 10) {
			text.append('0');
		}
		return text.append(fraction);
	}
}
