package io.philia.program;

/**
 * What it takes to open a store in a programme.
 *
 * @param code the store's short code, unique in the programme ("main", "fr-shop")
 * @param name shown to members
 * @param currency ISO-4217 code of its orders
 * @param earning its default earning rate
 */
public record NewStore(String code, String name, String currency, EarningTerms earning) {

	/**
	 * The earning rate as the API writes it: {@code points} per {@code per} (a decimal amount in the store's
	 * currency), rounded in {@code steps} or {@code proportional}.
	 */
	public record EarningTerms(Long points, String per, String rounding) {
	}
}
