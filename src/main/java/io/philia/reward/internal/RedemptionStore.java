package io.philia.reward.internal;

import static io.philia.reward.internal.CampaignStore.utc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.reward.Redemption;
import tools.jackson.databind.json.JsonMapper;

/** Members' redemptions. A status changes only from the one it is expected to have (a guarded update). */
@Repository
public class RedemptionStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RedemptionStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(String programId, Redemption r) {
		jdbc.sql("""
				insert into redemption (id, program_id, reward_id, member_id, kind, points, status, spend_entry_id,
				  coupon_code, details, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(r.id(), programId, r.rewardId(), r.memberId(), r.kind(), r.points(), r.status().toUpperCase(Locale.ROOT),
					r.spendEntryId(),
					r.details().couponCode() == null ? null : io.philia.reward.CouponCode.normalise(r.details().couponCode()), json.writeValueAsString(r.details()), utc(r.createdAt()),
					utc(r.updatedAt()))
			.update();
	}

	public Optional<Redemption> find(String programId, String id) {
		if (!Ids.isValid(id)) {
			return Optional.empty();
		}
		return jdbc.sql("select * from redemption where program_id = ? and id = ?")
			.params(programId, id)
			.query(this::row)
			.optional();
	}

	/** Moves the redemption from one status to another; false if it no longer had the first. */
	public boolean transition(String programId, String id, String from, String to, String restoreEntryId, Instant now) {
		return jdbc.sql("""
				update redemption set status = ?, restore_entry_id = coalesce(?, restore_entry_id), updated_at = ?
				where program_id = ? and id = ? and status = ?""")
			.params(to.toUpperCase(Locale.ROOT), restoreEntryId, utc(now), programId, id, from.toUpperCase(Locale.ROOT))
			.update() == 1;
	}

	public CursorPage<Redemption> ofMember(String programId, String memberId, int limit, String cursor) {
		String before = CursorPage.decode(cursor);
		var params = new HashMap<String, Object>();
		params.put("program", programId);
		params.put("member", memberId);
		params.put("limit", limit + 1);
		if (before != null) {
			params.put("before", before);
		}
		var rows = jdbc.sql("select * from redemption where program_id = :program and member_id = :member"
				+ (before == null ? "" : " and id < :before") + " order by id desc limit :limit")
			.params(params)
			.query(this::row)
			.list();
		return CursorPage.of(rows, limit, Redemption::id);
	}

	private Redemption row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Redemption(rs.getString("id"), rs.getString("reward_id"), rs.getString("member_id"),
				rs.getString("kind"), rs.getLong("points"), rs.getString("status").toLowerCase(Locale.ROOT),
				json.readValue(rs.getString("details"), Redemption.Details.class), rs.getString("spend_entry_id"),
				rs.getString("restore_entry_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}
}
