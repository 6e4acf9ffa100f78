package io.philia.reward.internal;

import static io.philia.reward.internal.CampaignStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Coupon codes and their uses. Every limit is kept by a guarded update ({@code uses < max_uses}), never
 * by reading then writing: the database decides which of two concurrent uses of the last one wins.
 */
@Repository
public class CouponStore {

	private final JdbcClient jdbc;

	private final CampaignStore campaigns;

	CouponStore(JdbcClient jdbc, CampaignStore campaigns) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
	}

	/** A code and its campaign, read together: one primary-key look-up on the checkout's hot path. */
	public record Found(String code, String memberId, Long maxUses, long uses, Instant validFrom, Instant validUntil,
			boolean revoked, Campaign campaign) {

		/** The code's own validity, else its campaign's. */
		public Instant from() {
			return validFrom != null ? validFrom : campaign.validFrom();
		}

		public Instant until() {
			return validUntil != null ? validUntil : campaign.validUntil();
		}

		public Long limit() {
			return maxUses != null ? maxUses : campaign.usesPerCode();
		}
	}

	public Optional<Found> find(String programId, String code) {
		return jdbc.sql("""
				select c.code, c.member_id, c.max_uses, c.uses, c.valid_from, c.valid_until, c.revoked,
				  k.id, k.kind, k.definition, k.active, k.created_at, k.updated_at
				from coupon c join coupon_campaign k on k.program_id = c.program_id and k.id = c.campaign_id
				where c.program_id = ? and c.code = ?""")
			.params(programId, code)
			.query((rs, n) -> new Found(rs.getString("code"), rs.getString("member_id"),
					rs.getObject("max_uses", Long.class), rs.getLong("uses"), instant(rs.getObject("valid_from", OffsetDateTime.class)),
					instant(rs.getObject("valid_until", OffsetDateTime.class)), rs.getBoolean("revoked"),
					campaigns.row(rs, n)))
			.optional();
	}

	/** Adds a code; false if the programme already has it. */
	public boolean insert(String programId, String code, String campaignId, String memberId, Long maxUses,
			Instant validFrom, Instant validUntil) {
		return jdbc.sql("""
				insert into coupon (program_id, code, campaign_id, member_id, max_uses, uses, valid_from, valid_until, revoked)
				values (?, ?, ?, ?, ?, 0, ?, ?, false) on conflict do nothing""")
			.params(programId, code, campaignId, memberId, maxUses, utc(validFrom), utc(validUntil))
			.update() == 1;
	}

	/** Takes one use of the code if it has one left; false if it has none. */
	public boolean take(String programId, String code, Long limit) {
		if (limit == null) {
			return jdbc.sql("update coupon set uses = uses + 1 where program_id = ? and code = ?")
				.params(programId, code)
				.update() == 1;
		}
		return jdbc.sql("update coupon set uses = uses + 1 where program_id = ? and code = ? and uses < ?")
			.params(programId, code, limit)
			.update() == 1;
	}

	public void giveBack(String programId, String code) {
		jdbc.sql("update coupon set uses = uses - 1 where program_id = ? and code = ? and uses > 0")
			.params(programId, code)
			.update();
	}

	/** Withdraws a code nobody used or holds; false if it is used, held by a checkout, or withdrawn. */
	public boolean revokeUnused(String programId, String code) {
		return jdbc.sql("update coupon set revoked = true where program_id = ? and code = ? and uses = 0 and revoked = false")
			.params(programId, code)
			.update() == 1;
	}

	public long memberUses(String programId, String campaignId, String memberId) {
		return jdbc.sql("select uses from coupon_member_use where program_id = ? and campaign_id = ? and member_id = ?")
			.params(programId, campaignId, memberId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Takes one of the member's uses of a campaign if they have one left. */
	public boolean takeForMember(String programId, String campaignId, String memberId, long limit) {
		jdbc.sql("""
				insert into coupon_member_use (program_id, campaign_id, member_id, uses) values (?, ?, ?, 0)
				on conflict do nothing""")
			.params(programId, campaignId, memberId)
			.update();
		return jdbc.sql("""
				update coupon_member_use set uses = uses + 1
				where program_id = ? and campaign_id = ? and member_id = ? and uses < ?""")
			.params(programId, campaignId, memberId, limit)
			.update() == 1;
	}

	public void giveBackForMember(String programId, String campaignId, String memberId) {
		jdbc.sql("""
				update coupon_member_use set uses = uses - 1
				where program_id = ? and campaign_id = ? and member_id = ? and uses > 0""")
			.params(programId, campaignId, memberId)
			.update();
	}

	/**
	 * Uses of a code held by reservations whose time ran out but that the sweep has not released yet:
	 * they count as released wherever a limit is read.
	 */
	public long expiredHolds(String programId, String code, Instant now) {
		return jdbc.sql("""
				select count(*) from checkout_code h join checkout c on c.id = h.checkout_id
				where h.program_id = ? and h.code = ? and c.status = 'RESERVED' and c.expires_at <= ?""")
			.params(programId, code, utc(now))
			.query(Long.class)
			.single();
	}

	/** The same, for a member's uses of a campaign. */
	public long expiredMemberHolds(String programId, String campaignId, String memberId, Instant now) {
		return jdbc.sql("""
				select count(*) from checkout_code h join checkout c on c.id = h.checkout_id
				where h.program_id = ? and h.campaign_id = ? and c.member_id = ? and c.status = 'RESERVED'
				  and c.expires_at <= ?""")
			.params(programId, campaignId, memberId, utc(now))
			.query(Long.class)
			.single();
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}
}
