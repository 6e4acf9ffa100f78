package io.philia.reward;

import java.time.Instant;

/**
 * A member's redemption of a reward. {@code status} is {@code issued} (a coupon or reference code given, a
 * gift to ship), {@code fulfilled} (shipped, served by the partner, donated) or {@code cancelled} (points
 * given back). The reward's name, value and terms are kept as they were when it was redeemed.
 */
public record Redemption(String id, String rewardId, String memberId, String kind, long points, String status,
		Details details, String spendEntryId, String restoreEntryId, Instant createdAt, Instant updatedAt) {

	/**
	 * What the redemption gave: the coupon (code as shown, until when it is valid), a partner's reference
	 * code, a gift's shipping address, a donation's charity and amount.
	 */
	public record Details(Texts rewardName, String couponCode, Instant couponValidUntil, String referenceCode,
			ShippingAddress shippingAddress, String partner, String charity, String donation, String currency) {
	}
}
