package io.philia.reward;

import java.time.Instant;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.philia.member.Member;
import io.philia.reward.internal.MemberTexts;
import io.philia.reward.internal.RewardStore.Row;

/** Whether a member may have a reward now: in the catalogue, inside its window, of one of its tiers. */
@Component
class RewardAvailability {

	private static final MemberTiers NO_TIERS = (programId, memberId) -> Optional.empty();

	private final ObjectProvider<MemberTiers> tiers;

	private final MemberTexts texts;

	RewardAvailability(ObjectProvider<MemberTiers> tiers, MemberTexts texts) {
		this.tiers = tiers;
		this.texts = texts;
	}

	/** Refuses a reward the member cannot have now: withdrawn, outside its window, of another tier. */
	void check(String programId, Row row, Member member, String locale, Instant now) {
		RewardDefinition reward = row.definition();
		if (reward.availableFrom() != null && now.isBefore(Instant.parse(reward.availableFrom()))) {
			throw MemberTexts.refusal(RewardProblems.REWARD_NOT_YET_AVAILABLE, "Reward " + row.id()
					+ " is available from " + reward.availableFrom(), locale,
					MemberTexts.date(Instant.parse(reward.availableFrom()), texts.zone(programId), locale));
		}
		if (!row.active() || reward.availableUntil() != null && !now.isBefore(Instant.parse(reward.availableUntil()))) {
			throw MemberTexts.refusal(RewardProblems.REWARD_NO_LONGER_AVAILABLE,
					"Reward " + row.id() + (row.active() ? " was available until " + reward.availableUntil()
							: " was taken out of the catalogue"), locale);
		}
		if (!reward.tiers().isEmpty()) {
			var tier = tiers.getIfAvailable(() -> NO_TIERS).tierOf(programId, member.id());
			if (tier.isEmpty() || !reward.tiers().contains(tier.get())) {
				throw MemberTexts.refusal(RewardProblems.WRONG_TIER, "Reward " + row.id() + " is for tiers "
						+ reward.tiers() + "; the member's tier is " + tier.orElse("none"), locale,
						String.join(", ", reward.tiers()));
			}
		}
	}
}
