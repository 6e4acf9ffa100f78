package io.philia.reward.internal;

import java.security.SecureRandom;
import java.time.Instant;

import org.springframework.stereotype.Component;

import io.philia.reward.CouponCode;

/** Issues one single-use coupon to one member: a reward's coupon, a next-order coupon. */
@Component
public class CouponIssuer {

	private final CouponStore coupons;

	private final SecureRandom random = new SecureRandom();

	CouponIssuer(CouponStore coupons) {
		this.coupons = coupons;
	}

	/** The new code; drawn again in the rare case the programme already has it. */
	public CouponCode issue(String programId, String campaignId, String memberId, Instant from, Instant until) {
		while (true) {
			CouponCode code = CouponCode.generate("", random);
			if (coupons.insert(programId, code.value(), campaignId, memberId, 1L, from, until)) {
				return code;
			}
		}
	}

	/** A code to show a partner: random like a coupon, but no coupon of the shop. */
	public CouponCode reference() {
		return CouponCode.generate("", random);
	}
}
