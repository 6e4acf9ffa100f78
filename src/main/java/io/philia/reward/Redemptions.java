package io.philia.reward;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.ledger.Cause;
import io.philia.ledger.LedgerProblems;
import io.philia.ledger.Movement;
import io.philia.ledger.PointsLedger;
import io.philia.member.Member;
import io.philia.member.Members;
import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;
import io.philia.reward.internal.Addresses;
import io.philia.reward.internal.CouponIssuer;
import io.philia.reward.internal.CouponStore;
import io.philia.reward.internal.MemberTexts;
import io.philia.reward.internal.RedemptionStore;
import io.philia.reward.internal.RewardCheck;
import io.philia.reward.internal.RewardStore;
import io.philia.reward.internal.RewardStore.Row;

/**
 * Members redeem rewards. One transaction checks the reward, takes a unit of stock and one of the
 * member's uses (guarded updates), spends the points (the ledger locks the member's balance) and issues
 * the coupon, gift or code: a refusal at any step leaves nothing changed. Locks are taken in one order,
 * catalogue rows first and the member's balance last, so concurrent redemptions cannot deadlock.
 */
@Service
public class Redemptions {

	private final RewardStore store;

	private final RedemptionStore redemptions;

	private final CouponStore coupons;

	private final CouponIssuer issuer;

	private final PointsLedger ledger;

	private final Members members;

	private final MemberTexts texts;

	private final RewardAvailability availability;

	private final Clock clock;

	Redemptions(RewardStore store, RedemptionStore redemptions, CouponStore coupons,
			CouponIssuer issuer, PointsLedger ledger, Members members, MemberTexts texts,
			RewardAvailability availability, Clock clock) {
		this.store = store;
		this.redemptions = redemptions;
		this.coupons = coupons;
		this.issuer = issuer;
		this.ledger = ledger;
		this.members = members;
		this.texts = texts;
		this.availability = availability;
		this.clock = clock;
	}

	@Transactional
	public Redemption redeem(String programId, String memberId, RedeemRequest request) {
		// Every refusal of a redemption carries the member's message: the portal shows it as it is.
		Member member;
		try {
			member = members.get(programId, memberId);
		}
		catch (PhiliaException unknown) {
			throw MemberTexts.told(unknown, texts.locale(programId, request.locale(), null), unknown.problem().slug());
		}
		String locale = texts.locale(programId, request.locale(), member);
		var v = new Violations();
		v.requireText("rewardId", request.rewardId(), 36);
		MemberTexts.throwIfAny(v, locale, RewardProblems.REWARD_NOT_FOUND.slug());
		Row row = store.find(programId, request.rewardId())
			.orElseThrow(() -> MemberTexts.told(Rewards.notFound(request.rewardId()), locale,
					RewardProblems.REWARD_NOT_FOUND.slug()));
		RewardDefinition reward = row.definition();
		Instant now = clock.instant();
		availability.check(programId, row, member, locale, now);
		ShippingAddress address = null;
		if (reward.kind().equals("gift")) {
			address = Addresses.check(v, request.shippingAddress());
		}
		else if (request.shippingAddress() != null) {
			v.add("shippingAddress", "belongs to gifts only");
		}
		MemberTexts.throwIfAny(v, locale, reward.kind().equals("gift") ? "gift-address" : "no-address");

		if (!store.take(programId, row.id())) {
			throw MemberTexts.refusal(RewardProblems.OUT_OF_STOCK, "Reward " + row.id() + " has no stock left", locale);
		}
		long limit = reward.perMemberLimit() == null ? Long.MAX_VALUE : reward.perMemberLimit();
		if (!store.takeForMember(programId, row.id(), memberId, limit)) {
			throw MemberTexts.refusal(RewardProblems.REWARD_LIMIT_REACHED, "The member has redeemed reward " + row.id()
					+ " " + limit + " time(s), as many as allowed", locale);
		}
		String id = Ids.next(clock);
		Movement spend = spend(programId, memberId, reward.costPoints(), Cause.redemption("reward", id), locale);
		var details = issue(programId, row, memberId, address, now);
		String status = reward.kind().equals("donation") ? "fulfilled" : "issued";
		var redemption = new Redemption(id, row.id(), memberId, reward.kind(), reward.costPoints(), status, details,
				spend.id(), null, now, now);
		redemptions.insert(programId, redemption);
		return redemption;
	}

	/** Cancels an issued redemption: the points come back, and the stock; an issued coupon is withdrawn. */
	@Transactional
	public Redemption cancel(String programId, String redemptionId) {
		Redemption redemption = get(programId, redemptionId);
		if (!redemption.status().equals("issued")) {
			throw new PhiliaException(RewardProblems.REDEMPTION_NOT_CANCELLABLE,
					"Redemption " + redemptionId + " is " + redemption.status() + "; only an issued one can be cancelled");
		}
		String code = redemption.details().couponCode();
		if (code != null && !coupons.revokeUnused(programId, CouponCode.normalise(code))) {
			throw new PhiliaException(RewardProblems.REDEMPTION_NOT_CANCELLABLE,
					"The coupon of redemption " + redemptionId + " is used or held by a checkout");
		}
		Instant now = clock.instant();
		Movement restore = ledger.restore(programId, redemption.memberId(), redemption.points(),
				Cause.redemption("reward-cancelled", redemptionId), redemption.spendEntryId());
		if (!redemptions.transition(programId, redemptionId, "issued", "cancelled", restore.id(), now)) {
			throw new PhiliaException(RewardProblems.REDEMPTION_NOT_CANCELLABLE,
					"Redemption " + redemptionId + " changed at the same moment; read it again");
		}
		store.giveBack(programId, redemption.rewardId());
		store.giveBackForMember(programId, redemption.rewardId(), redemption.memberId());
		return get(programId, redemptionId);
	}

	/** Marks a gift shipped or a partner's reward served. */
	@Transactional
	public Redemption fulfil(String programId, String redemptionId) {
		Redemption redemption = get(programId, redemptionId);
		if (!List.of("gift", "partner").contains(redemption.kind())
				|| !redemptions.transition(programId, redemptionId, "issued", "fulfilled", null, clock.instant())) {
			throw new PhiliaException(RewardProblems.REDEMPTION_NOT_FULFILLABLE, "Redemption " + redemptionId
					+ " is a " + redemption.kind() + ", " + redemption.status() + "; only issued gifts and partner rewards are fulfilled");
		}
		return get(programId, redemptionId);
	}

	public Redemption get(String programId, String redemptionId) {
		return redemptions.find(programId, redemptionId)
			.orElseThrow(() -> new PhiliaException(RewardProblems.REDEMPTION_NOT_FOUND,
					"No redemption " + redemptionId + " in this programme"));
	}

	public CursorPage<Redemption> ofMember(String programId, String memberId, int limit, String cursor) {
		members.get(programId, memberId);
		return redemptions.ofMember(programId, memberId, limit, cursor);
	}

	private Movement spend(String programId, String memberId, long points, Cause cause, String locale) {
		try {
			return ledger.spend(programId, memberId, points, cause);
		}
		catch (PhiliaException e) {
			if (e.problem() != LedgerProblems.INSUFFICIENT_POINTS) {
				throw e;
			}
			Object available = e.properties().getOrDefault("available", 0L);
			throw new PhiliaException(LedgerProblems.INSUFFICIENT_POINTS, e.getMessage(),
					Map.of("available", available, "needed", points, "locale", locale, "message",
							MemberTexts.text(locale, "insufficient-points", points, available)));
		}
	}

	private Redemption.Details issue(String programId, Row row, String memberId, ShippingAddress address,
			Instant now) {
		RewardDefinition reward = row.definition();
		String code = null;
		Instant until = null;
		String reference = null;
		if (RewardCheck.issuesCoupon(reward.kind())) {
			until = now.plus(Duration.ofDays(reward.couponValidDays()));
			code = issuer.issue(programId, row.campaignId(), memberId, now, until).display(0);
		}
		else if (reward.kind().equals("partner")) {
			reference = issuer.reference().display(0);
		}
		return new Redemption.Details(reward.name(), code, until, reference, address, reward.partner(),
				reward.charity(), reward.donation(), reward.currency());
	}
}
