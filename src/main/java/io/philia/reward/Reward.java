package io.philia.reward;

import java.time.Instant;
import java.util.List;

/**
 * A reward of the catalogue. {@code remaining} is what is left of its stock (absent: unlimited);
 * {@code redeemed} counts redemptions that were not cancelled.
 */
public record Reward(String id, String kind, long costPoints, Texts name, Texts description, List<String> imageUrls,
		Instant availableFrom, Instant availableUntil, List<String> tiers, Integer perMemberLimit, Long stock,
		Long remaining, long redeemed, CouponTerms coupon, Integer couponValidDays, String partner, String charity,
		String donation, String currency, boolean active, Instant createdAt, Instant updatedAt) {
}
