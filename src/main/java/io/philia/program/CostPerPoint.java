package io.philia.program;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.philia.platform.Money;

/**
 * What one point costs the programme, in its currency, for the liability report: often a fraction of
 * the currency's smallest unit ("0.005" EUR), so it is a decimal with up to 6 places, not {@link Money}.
 */
public record CostPerPoint(String amount, String currency) {

	public CostPerPoint {
		Money.currency(currency);
		if (amount == null || !amount.matches("\\d{1,9}(\\.\\d{1,6})?")) {
			throw new IllegalArgumentException("amount must be a decimal of at most 6 places, such as \"0.005\"");
		}
	}

	@JsonIgnore
	public BigDecimal value() {
		return new BigDecimal(amount);
	}
}
