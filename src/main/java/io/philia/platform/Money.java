package io.philia.platform;

import java.util.regex.Pattern;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An amount in minor units of an ISO-4217 currency. Built only through {@link #of}, which refuses what
 * a shop could not have meant: a malformed decimal, more decimals than the currency has, an unknown code.
 */
public record Money(@JsonIgnore long minor, Currency currency) {

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
	private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,15}(\\.\\d+)?");

	private static final Pattern TOO_MANY_DIGITS = Pattern.compile("-?\\d{16,}(\\.\\d+)?");

	public Money {
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(parseMinor(amount, currency(currencyCode)), currency(currencyCode));
	}

	public static Money ofMinor(long minor, String currencyCode) {
		return new Money(minor, currency(currencyCode));
	}

	public static Currency currency(String code) {
		if (code == null || !CURRENCY_CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("must be an ISO-4217 currency code such as EUR");
		}
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("unknown ISO-4217 currency code " + code);
		}
	}

	static long parseMinor(String amount, Currency currency) {
		if (amount == null || !AMOUNT.matcher(amount).matches()) {
			throw new IllegalArgumentException(amount != null && TOO_MANY_DIGITS.matcher(amount).matches()
					? "must be at most 999999999999999 (15 digits before the decimal point)"
					: "must be a decimal amount such as \"274.00\"");
		}
		BigDecimal value = new BigDecimal(amount);
		int digits = Math.max(currency.getDefaultFractionDigits(), 0);
		if (value.stripTrailingZeros().scale() > digits) {
			throw new IllegalArgumentException(currency.getCurrencyCode() + " has " + digits + " decimal places");
		}
		return value.movePointRight(digits).longValueExact();
	}

	@JsonIgnore
	public boolean isNegative() {
		return minor < 0;
	}

	@JsonIgnore
	public String currencyCode() {
		return currency.getCurrencyCode();
	}

	/** The amount as the API writes it: a decimal string with the currency's decimal places. */
	@JsonProperty("amount")
	public String amount() {
		return BigDecimal.valueOf(minor, Math.max(currency.getDefaultFractionDigits(), 0)).toPlainString();
	}

	@Override
	public String toString() {
		return amount() + " " + currencyCode();
	}
}
