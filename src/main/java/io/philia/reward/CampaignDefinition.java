package io.philia.reward;

/**
 * A coupon campaign as a marketer writes it.
 *
 * @param type {@code promo} (one shared code that many customers type), {@code codes} (unique codes,
 * generated in batches) or {@code next-order} (a coupon issued to the member after each paid order)
 * @param code the promo code ({@code promo} only), letters and digits; dashes and spaces are ignored
 * @param prefix put before every generated code ({@code codes} only)
 * @param validFrom when codes start to work, ISO-8601 with an offset; absent, now
 * @param validUntil when they stop working; absent, never (a next-order coupon lasts its last step)
 * @param maxUses how many orders may use the promo code in all ({@code promo} only); absent, unlimited
 * @param maxUsesPerMember how many orders of one member may use the campaign's codes; absent, unlimited
 * @param usesPerCode how many orders may use each unique code: 1 (the default) for single use
 * @param active whether its codes work (default true); a withdrawn campaign's codes are refused
 */
public record CampaignDefinition(String type, String name, String code, String prefix, CouponTerms terms,
		String validFrom, String validUntil, Long maxUses, Integer maxUsesPerMember, Integer usesPerCode,
		Boolean active) {
}
