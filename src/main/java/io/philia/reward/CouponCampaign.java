package io.philia.reward;

import java.time.Instant;

/** A coupon campaign: its terms and how its codes may be used. {@code type} also includes {@code reward}. */
public record CouponCampaign(String id, String type, String name, String code, String prefix, CouponTerms terms,
		Instant validFrom, Instant validUntil, Long maxUses, Integer maxUsesPerMember, Integer usesPerCode,
		boolean active, Instant createdAt, Instant updatedAt) {
}
