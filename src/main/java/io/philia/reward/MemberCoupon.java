package io.philia.reward;

import java.time.Instant;

/**
 * A coupon of one member's own (from a reward, or earned by an order): the code as shown, from and until
 * when it works, and whether it was used, is held by a checkout, or was withdrawn.
 */
public record MemberCoupon(String code, String campaignId, String source, Instant validFrom, Instant validUntil,
		boolean used, boolean withdrawn) {
}
