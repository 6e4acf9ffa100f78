package io.philia.reward;

import java.util.List;

/**
 * What a coupon gives, as the API writes it.
 *
 * @param discount {@code percentage}, {@code amount} or {@code free-shipping}
 * @param percent for a percentage: 1 to 100
 * @param amount for an amount: a decimal string in {@code currency}
 * @param currency the currency of the amount and of the minimum basket; absent, any currency
 * @param minimumBasket the cart's subtotal must reach it
 * @param scope only these products count (by SKU or category); absent, the whole cart
 * @param stackable whether it combines with other codes in one cart (default false)
 * @param decay for next-order coupons: the discount by how soon the coupon is used, replacing
 * {@code percent} or {@code amount} ("15% within 7 days, 10% within 30")
 */
public record CouponTerms(String discount, Integer percent, String amount, String currency, String minimumBasket,
		Scope scope, Boolean stackable, List<Step> decay) {

	public record Scope(List<String> skus, List<String> categories) {
	}

	/** Within {@code withinDays} of being issued, the coupon gives {@code percent} (or {@code amount}). */
	public record Step(Integer withinDays, Integer percent, String amount) {
	}
}
