package io.philia.reward;

import java.util.List;

/**
 * A reward as a marketer writes it.
 *
 * @param kind {@code voucher} (an amount off the next order, "bon d'achat"), {@code percentage-discount},
 * {@code fixed-discount}, {@code free-shipping}, {@code gift} (shipped to an address given at
 * redemption), {@code partner} (a partner's reward, with a reference code to show there) or
 * {@code donation} (points given to a charity)
 * @param costPoints what it costs
 * @param name shown to members, in French and English (one may be missing: the other is shown)
 * @param imageUrls http(s) addresses of its pictures, first one first
 * @param availableFrom from when it can be redeemed (ISO-8601 with an offset); absent, now
 * @param availableUntil until when; absent, no end
 * @param tiers only members of these tiers may redeem it; absent or empty, everyone
 * @param perMemberLimit how many times one member may redeem it; absent, unlimited
 * @param stock how many can be redeemed in all; absent, unlimited
 * @param coupon for the coupon kinds: the terms of the coupon each redemption issues
 * @param couponValidDays how long that coupon stays valid (default 365 days)
 * @param partner the partner's name ({@code partner} only)
 * @param charity the charity's name and {@code donation} the amount given, in {@code currency}
 * ({@code donation} only)
 */
public record RewardDefinition(String kind, Long costPoints, Texts name, Texts description, List<String> imageUrls,
		String availableFrom, String availableUntil, List<String> tiers, Integer perMemberLimit, Long stock,
		CouponTerms coupon, Integer couponValidDays, String partner, String charity, String donation,
		String currency) {
}
