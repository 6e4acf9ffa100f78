package io.philia.reward.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.springframework.stereotype.Component;

import io.philia.member.Member;
import io.philia.reward.RewardProblems;
import io.philia.reward.internal.CouponStore.Found;

/**
 * Decides whether one code applies to a cart, and for how much, or refuses it with the exact reason in
 * the member's language. Reads only: a reservation takes the uses afterwards.
 */
@Component
public class CodeChecker {

	private final CouponStore coupons;

	CodeChecker(CouponStore coupons) {
		this.coupons = coupons;
	}

	/** A code that applies, and what it takes off. */
	public record Checked(Found coupon, long discountMinor, boolean freeShipping) {
	}

	public Checked check(String programId, Found coupon, CartView cart, Member member, List<Found> others,
			String locale, ZoneId zone, Instant now) {
		Campaign campaign = coupon.campaign();
		if (coupon.revoked() || !campaign.active()) {
			throw MemberTexts.refusal(RewardProblems.COUPON_INACTIVE, "The code " + coupon.code() + " was withdrawn", locale);
		}
		if (coupon.from() != null && now.isBefore(coupon.from())) {
			throw MemberTexts.refusal(RewardProblems.COUPON_NOT_YET_VALID,
					"The code " + coupon.code() + " is valid from " + coupon.from(), locale, MemberTexts.date(coupon.from(), zone, locale));
		}
		if (coupon.until() != null && !now.isBefore(coupon.until())) {
			throw MemberTexts.refusal(RewardProblems.COUPON_EXPIRED,
					"The code " + coupon.code() + " expired at " + coupon.until(), locale);
		}
		if (coupon.memberId() != null && member == null) {
			throw MemberTexts.refusal(RewardProblems.COUPON_MEMBER_REQUIRED,
					"The code " + coupon.code() + " belongs to a member; send the customer", locale);
		}
		if (coupon.memberId() != null && !coupon.memberId().equals(member.id())) {
			throw MemberTexts.refusal(RewardProblems.COUPON_OF_ANOTHER_MEMBER,
					"The code " + coupon.code() + " belongs to another member", locale);
		}
		Long limit = coupon.limit();
		if (limit != null && coupon.uses() >= limit
				&& coupon.uses() - coupons.expiredHolds(programId, coupon.code(), now) >= limit) {
			throw MemberTexts.refusal(RewardProblems.COUPON_USED_UP,
					"The code " + coupon.code() + " was used " + limit + " time(s), as many as allowed", locale);
		}
		Integer perMember = campaign.maxUsesPerMember();
		if (perMember != null) {
			if (member == null) {
				throw MemberTexts.refusal(RewardProblems.COUPON_MEMBER_REQUIRED,
						"The code " + coupon.code() + " has a limit per member; send the customer", locale);
			}
			long used = coupons.memberUses(programId, campaign.id(), member.id());
			if (used >= perMember
					&& used - coupons.expiredMemberHolds(programId, campaign.id(), member.id(), now) >= perMember) {
				throw MemberTexts.refusal(RewardProblems.COUPON_MEMBER_LIMIT, "The member used the campaign's codes "
						+ used + " time(s); the limit is " + perMember, locale);
			}
		}
		boolean stackable = campaign.terms().stackable();
		if (!others.isEmpty() && (!stackable || others.stream().anyMatch(o -> !o.campaign().terms().stackable()))) {
			throw MemberTexts.refusal(RewardProblems.COUPON_NOT_STACKABLE, "The code " + coupon.code()
					+ " cannot be combined with " + others.stream().map(Found::code).toList(), locale);
		}
		Instant issuedAt = coupon.validFrom() != null ? coupon.validFrom() : campaign.createdAt();
		return switch (Discounts.apply(campaign.terms(), cart, issuedAt, now)) {
			case Discounts.Applies applies -> new Checked(coupon, applies.discountMinor(), applies.freeShipping());
			case Discounts.Refused refused -> throw MemberTexts.refusal(refused.problem(), refused.detail(), locale,
					refused.arguments());
		};
	}
}
