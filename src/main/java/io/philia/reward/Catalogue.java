package io.philia.reward;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;

import io.philia.ledger.LedgerProblems;
import io.philia.ledger.PointsLedger;
import io.philia.member.Member;
import io.philia.member.Members;
import io.philia.platform.CursorPage;
import io.philia.platform.PhiliaException;
import io.philia.reward.internal.MemberTexts;
import io.philia.reward.internal.RewardStore;
import io.philia.reward.internal.RewardStore.Row;

/**
 * The catalogue as a member sees it (a portal's rewards page): each active reward in their language, and
 * whether they can redeem it now or exactly why not, by the same checks a redemption makes.
 */
@Service
public class Catalogue {

	private final RewardStore store;

	private final RewardAvailability availability;

	private final Members members;

	private final PointsLedger ledger;

	private final MemberTexts texts;

	private final Clock clock;

	Catalogue(RewardStore store, RewardAvailability availability, Members members, PointsLedger ledger,
			MemberTexts texts, Clock clock) {
		this.store = store;
		this.availability = availability;
		this.members = members;
		this.ledger = ledger;
		this.texts = texts;
		this.clock = clock;
	}

	public CursorPage<MemberReward> forMember(String programId, String memberId, String requestedLocale, int limit,
			String cursor) {
		Member member = members.get(programId, memberId);
		String locale = texts.locale(programId, requestedLocale, member);
		long available = ledger.balance(programId, memberId).available();
		Instant now = clock.instant();
		var page = store.list(programId, true, limit, cursor);
		return new CursorPage<>(page.items().stream().map(row -> view(programId, row, member, available, locale, now)).toList(),
				page.nextCursor());
	}

	private MemberReward view(String programId, Row row, Member member, long available, String locale, Instant now) {
		Reward reward = Rewards.view(row);
		String name = reward.name().in(locale);
		String description = reward.description() == null ? null : reward.description().in(locale);
		try {
			availability.check(programId, row, member, locale, now);
			if (reward.remaining() != null && reward.remaining() == 0) {
				throw MemberTexts.refusal(RewardProblems.OUT_OF_STOCK, "out of stock", locale);
			}
			if (reward.perMemberLimit() != null
					&& store.memberRedeemed(programId, row.id(), member.id()) >= reward.perMemberLimit()) {
				throw MemberTexts.refusal(RewardProblems.REWARD_LIMIT_REACHED, "limit reached", locale);
			}
			if (available < reward.costPoints()) {
				return new MemberReward(reward, name, description, false, LedgerProblems.INSUFFICIENT_POINTS.slug(),
						MemberTexts.text(locale, "insufficient-points", reward.costPoints(), available));
			}
			return new MemberReward(reward, name, description, true, null, null);
		}
		catch (PhiliaException refused) {
			return new MemberReward(reward, name, description, false, refused.problem().slug(),
					(String) refused.properties().get("message"));
		}
	}
}
