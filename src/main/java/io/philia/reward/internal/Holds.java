package io.philia.reward.internal;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.philia.ledger.Cause;
import io.philia.ledger.Movement;
import io.philia.ledger.PointsLedger;
import io.philia.member.Member;
import io.philia.reward.RewardProblems;
import io.philia.reward.internal.CheckoutStore.CodeHold;
import io.philia.reward.internal.CheckoutStore.Row;
import io.philia.reward.internal.CodeChecker.Checked;

/**
 * What a checkout holds and gives back: uses of its codes (and of each member's allowance) and the
 * points spent as payment. Codes are taken in code order and the member's balance last, the order every
 * transaction here follows, so that two checkouts never wait for each other in a cycle.
 *
 * <p>Points as payment are spent when the checkout is reserved and restored when it is released: the
 * member's history shows a spend "points-payment" for the order, then, if the order is not paid, a
 * restore linked to it whose cause says why ({@code points-payment-released}, {@code -expired},
 * {@code -replaced}, {@code -cancelled}, {@code -refunded}). Between the two the points are not
 * available, which is what makes them safe to promise to the shop.
 */
@Component
public class Holds {

	private final CouponStore coupons;

	private final CheckoutStore checkouts;

	private final PointsLedger ledger;

	private final JdbcClient jdbc;

	Holds(CouponStore coupons, CheckoutStore checkouts, PointsLedger ledger, JdbcClient jdbc) {
		this.coupons = coupons;
		this.checkouts = checkouts;
		this.ledger = ledger;
		this.jdbc = jdbc;
	}

	/** Takes one use of each code; refuses (and the transaction rolls back) if one has none left. */
	public void take(String programId, List<Checked> codes, Member member, String locale, Instant now) {
		var sorted = codes.stream().sorted(Comparator.comparing(c -> c.coupon().code())).toList();
		for (Checked c : sorted) {
			String code = c.coupon().code();
			if (!coupons.take(programId, code, c.coupon().limit())) {
				releaseExpired(programId, "h.code = ?", List.of(code), now);
				if (!coupons.take(programId, code, c.coupon().limit())) {
					throw MemberTexts.refusal(RewardProblems.COUPON_USED_UP,
							"The code " + code + " was used as many times as allowed, at the same moment", locale);
				}
			}
		}
		for (Checked c : sorted) {
			Integer perMember = c.coupon().campaign().maxUsesPerMember();
			if (perMember == null) {
				continue;
			}
			String campaignId = c.coupon().campaign().id();
			if (!coupons.takeForMember(programId, campaignId, member.id(), perMember)) {
				releaseExpired(programId, "h.campaign_id = ? and c.member_id = ?", List.of(campaignId, member.id()), now);
				if (!coupons.takeForMember(programId, campaignId, member.id(), perMember)) {
					throw MemberTexts.refusal(RewardProblems.COUPON_MEMBER_LIMIT,
							"The member used the campaign's codes as many times as allowed", locale);
				}
			}
		}
	}

	/** Releases a reserved checkout; false if it was no longer reserved (someone else moved it first). */
	public boolean release(Row checkout, String reason, Instant now) {
		if (!checkouts.transition(checkout.id(), "RESERVED", "RELEASED", reason, now)) {
			return false;
		}
		giveBackCodes(checkout);
		restore(checkout, checkout.points() - checkout.restoredPoints(), reason);
		return true;
	}

	/** Gives back what a paid checkout took, when its order is cancelled or fully refunded. */
	public boolean reverse(Row checkout, String reason, Instant now) {
		if (!checkouts.transition(checkout.id(), "REDEEMED", "REVERSED", reason, now)) {
			return false;
		}
		giveBackCodes(checkout);
		restore(checkout, checkout.points() - checkout.restoredPoints(), reason);
		return true;
	}

	/** Gives back points for a part of a paid order refunded: its share of the points paid. */
	public void restoreShare(Row checkout, long target) {
		restore(checkout, target - checkout.restoredPoints(), "refunded");
	}

	private void restore(Row checkout, long points, String reason) {
		if (points <= 0 || checkout.spendEntryId() == null) {
			return;
		}
		Movement restore = ledger.restore(checkout.programId(), checkout.memberId(), points,
				Cause.redemption("points-payment-" + reason, checkout.orderId()), checkout.spendEntryId());
		checkouts.restored(checkout.id(), checkout.restoredPoints() + points, restore.id());
	}

	private void giveBackCodes(Row checkout) {
		for (CodeHold hold : checkouts.codes(checkout.id())) {
			coupons.giveBack(checkout.programId(), hold.code());
			if (checkout.memberId() != null) {
				coupons.giveBackForMember(checkout.programId(), hold.campaignId(), checkout.memberId());
			}
		}
	}

	/** Releases, here and now, reservations that ran out and hold what this checkout needs. */
	private void releaseExpired(String programId, String holding, List<Object> values, Instant now) {
		var params = new java.util.ArrayList<Object>();
		params.add(programId);
		params.addAll(values);
		params.add(CampaignStore.utc(now));
		List<String> ids = jdbc.sql("""
				select distinct c.id, c.store_id from checkout_code h join checkout c on c.id = h.checkout_id
				where h.program_id = ? and %s and c.status = 'RESERVED' and c.expires_at <= ?""".formatted(holding))
			.params(params)
			.query((rs, n) -> rs.getString(2) + "/" + rs.getString(1))
			.list();
		for (String id : ids) {
			String[] parts = id.split("/");
			checkouts.find(programId, parts[0], parts[1]).ifPresent(row -> release(row, "expired", now));
		}
	}
}
