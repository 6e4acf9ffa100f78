package io.philia.reward;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.platform.PhiliaException;
import io.philia.reward.internal.CampaignStore;
import io.philia.reward.internal.RewardCheck;
import io.philia.reward.internal.RewardStore;
import io.philia.reward.internal.RewardStore.Row;

/**
 * The programme's catalogue. A coupon reward keeps its coupon terms in a campaign of its own: changing
 * the terms makes a new campaign, so coupons already issued keep the terms they were redeemed under.
 */
@Service
public class Rewards {

	private final RewardStore store;

	private final CampaignStore campaigns;

	private final Clock clock;

	Rewards(RewardStore store, CampaignStore campaigns, Clock clock) {
		this.store = store;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Transactional
	public Reward create(String programId, RewardDefinition request) {
		RewardDefinition definition = RewardCheck.check(request);
		String id = Ids.next(clock);
		Instant now = clock.instant();
		store.insert(programId, id, definition, campaignFor(programId, definition, null, null), now);
		return get(programId, id);
	}

	/** Replaces the reward's definition; redemptions already made keep what they gave. */
	@Transactional
	public Reward change(String programId, String rewardId, RewardDefinition request) {
		Row current = row(programId, rewardId);
		RewardDefinition definition = RewardCheck.check(request);
		store.update(programId, rewardId, definition,
				campaignFor(programId, definition, current.definition(), current.campaignId()), clock.instant());
		return get(programId, rewardId);
	}

	/** Takes the reward out of the catalogue (or puts it back); coupons already issued stay valid. */
	@Transactional
	public Reward setActive(String programId, String rewardId, boolean active) {
		row(programId, rewardId);
		store.setActive(programId, rewardId, active, clock.instant());
		return get(programId, rewardId);
	}

	public Reward get(String programId, String rewardId) {
		return view(row(programId, rewardId));
	}

	public CursorPage<Reward> list(String programId, Boolean active, int limit, String cursor) {
		var page = store.list(programId, active, limit, cursor);
		return new CursorPage<>(page.items().stream().map(Rewards::view).toList(), page.nextCursor());
	}

	Row row(String programId, String rewardId) {
		return store.find(programId, rewardId).orElseThrow(() -> notFound(rewardId));
	}

	static PhiliaException notFound(String rewardId) {
		return new PhiliaException(RewardProblems.REWARD_NOT_FOUND, "No reward " + rewardId + " in this programme");
	}

	private String campaignFor(String programId, RewardDefinition definition, RewardDefinition before,
			String campaignId) {
		if (!RewardCheck.issuesCoupon(definition.kind())) {
			return null;
		}
		if (campaignId != null && Objects.equals(before.coupon(), definition.coupon())) {
			return campaignId;
		}
		String id = Ids.next(clock);
		String name = definition.name().en() != null ? definition.name().en() : definition.name().fr();
		campaigns.insert(programId, id, new CampaignDefinition("reward", name, null, null, definition.coupon(), null,
				null, null, null, 1, true), clock.instant());
		return id;
	}

	static Reward view(Row row) {
		RewardDefinition d = row.definition();
		Long remaining = d.stock() == null ? null : Math.max(0, d.stock() - row.redeemed());
		return new Reward(row.id(), d.kind(), d.costPoints(), d.name(), d.description(), d.imageUrls(),
				d.availableFrom() == null ? null : Instant.parse(d.availableFrom()),
				d.availableUntil() == null ? null : Instant.parse(d.availableUntil()), d.tiers(), d.perMemberLimit(),
				d.stock(), remaining, row.redeemed(), d.coupon(), d.couponValidDays(), d.partner(), d.charity(),
				d.donation(), d.currency(), row.active(), row.createdAt(), row.updatedAt());
	}
}
