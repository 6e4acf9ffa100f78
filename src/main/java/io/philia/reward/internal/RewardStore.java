package io.philia.reward.internal;

import static io.philia.reward.internal.CampaignStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.reward.RewardDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's rows. Stock and per-member limits are guarded updates: of two redemptions of the last
 * unit, the database lets exactly one take it.
 */
@Repository
public class RewardStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RewardStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A reward's row: its definition, its backing coupon campaign, how many were redeemed. */
	public record Row(String id, RewardDefinition definition, String campaignId, long redeemed, boolean active,
			Instant createdAt, Instant updatedAt) {
	}

	public void insert(String programId, String id, RewardDefinition d, String campaignId, Instant now) {
		jdbc.sql("""
				insert into reward (id, program_id, kind, cost_points, definition, campaign_id, stock, redeemed, active,
				  created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, 0, true, ?, ?)""")
			.params(id, programId, d.kind(), d.costPoints(), json.writeValueAsString(d), campaignId, d.stock(), utc(now),
					utc(now))
			.update();
	}

	public void update(String programId, String id, RewardDefinition d, String campaignId, Instant now) {
		jdbc.sql("""
				update reward set kind = ?, cost_points = ?, definition = ?, campaign_id = ?, stock = ?, updated_at = ?
				where program_id = ? and id = ?""")
			.params(d.kind(), d.costPoints(), json.writeValueAsString(d), campaignId, d.stock(), utc(now), programId, id)
			.update();
	}

	public boolean setActive(String programId, String id, boolean active, Instant now) {
		return jdbc.sql("update reward set active = ?, updated_at = ? where program_id = ? and id = ?")
			.params(active, utc(now), programId, id)
			.update() == 1;
	}

	public Optional<Row> find(String programId, String id) {
		if (!Ids.isValid(id)) {
			return Optional.empty();
		}
		return jdbc.sql("select * from reward where program_id = ? and id = ?")
			.params(programId, id)
			.query(this::row)
			.optional();
	}

	public CursorPage<Row> list(String programId, Boolean active, int limit, String cursor) {
		String after = CursorPage.decode(cursor);
		var params = new HashMap<String, Object>();
		params.put("program", programId);
		params.put("limit", limit + 1);
		var sql = new StringBuilder("select * from reward where program_id = :program");
		if (active != null) {
			sql.append(" and active = :active");
			params.put("active", active);
		}
		if (after != null) {
			sql.append(" and id > :after");
			params.put("after", after);
		}
		sql.append(" order by id limit :limit");
		return CursorPage.of(jdbc.sql(sql.toString()).params(params).query(this::row).list(), limit, Row::id);
	}

	/** Takes one unit of stock if any is left (always, for a reward without stock). */
	public boolean take(String programId, String id) {
		return jdbc.sql("""
				update reward set redeemed = redeemed + 1
				where program_id = ? and id = ? and (stock is null or redeemed < stock)""")
			.params(programId, id)
			.update() == 1;
	}

	public void giveBack(String programId, String id) {
		jdbc.sql("update reward set redeemed = redeemed - 1 where program_id = ? and id = ? and redeemed > 0")
			.params(programId, id)
			.update();
	}

	/** Counts one redemption against the member's limit if they have one left. */
	public boolean takeForMember(String programId, String rewardId, String memberId, long limit) {
		jdbc.sql("""
				insert into reward_member_use (program_id, reward_id, member_id, redeemed) values (?, ?, ?, 0)
				on conflict do nothing""")
			.params(programId, rewardId, memberId)
			.update();
		return jdbc.sql("""
				update reward_member_use set redeemed = redeemed + 1
				where program_id = ? and reward_id = ? and member_id = ? and redeemed < ?""")
			.params(programId, rewardId, memberId, limit)
			.update() == 1;
	}

	public long memberRedeemed(String programId, String rewardId, String memberId) {
		return jdbc.sql("select redeemed from reward_member_use where program_id = ? and reward_id = ? and member_id = ?")
			.params(programId, rewardId, memberId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	public void giveBackForMember(String programId, String rewardId, String memberId) {
		jdbc.sql("""
				update reward_member_use set redeemed = redeemed - 1
				where program_id = ? and reward_id = ? and member_id = ? and redeemed > 0""")
			.params(programId, rewardId, memberId)
			.update();
	}

	private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Row(rs.getString("id"), json.readValue(rs.getString("definition"), RewardDefinition.class),
				rs.getString("campaign_id"), rs.getLong("redeemed"), rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
