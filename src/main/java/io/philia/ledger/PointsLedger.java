package io.philia.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.ledger.Movement.Kind;
import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.platform.PhiliaException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts point movements as balanced journal entries and keeps each member's balance equal to the sum of
 * their postings. Every method joins the caller's transaction, so an event's earning commits or rolls
 * back with the rest of the event.
 */
@Service
public class PointsLedger {

	private static final TypeReference<List<Attribution>> EXPLANATION = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	PointsLedger(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** Credits earned points to a member's available balance. */
	@Transactional
	public Movement earn(String programId, String memberId, long points, Cause cause) {
		return earn(programId, memberId, points, cause, null);
	}

	/** Credits earned points, kept with the rules that produced them (the history shows them). */
	@Transactional
	public Movement earn(String programId, String memberId, long points, Cause cause, List<Attribution> explanation) {
		requirePositive(points);
		Balance balance = lock(programId, memberId);
		long after = balance.available() + points;
		return post(programId, memberId, Kind.EARN, points, after, 0, cause, null, null, null, Account.PROGRAMME_ISSUED,
				points, explanation);
	}

	/**
	 * Takes back points an order earned (refund, cancellation). Only what is available is taken: points
	 * the member already spent are recorded as the entry's shortfall, and the balance never goes negative.
	 */
	@Transactional
	public Movement clawBack(String programId, String memberId, long points, Cause cause, String correctsEntryId) {
		requirePositive(points);
		Balance balance = lock(programId, memberId);
		long taken = Math.min(points, balance.available());
		return post(programId, memberId, Kind.CLAWBACK, -taken, balance.available() - taken, points - taken, cause,
				null, null, correctsEntryId, Account.PROGRAMME_ISSUED, -points);
	}

	/** A manual correction by support: signed, with a reason and who made it; never below zero. */
	@Transactional
	public Movement adjust(String programId, String memberId, long points, String reason, String actor) {
		Balance balance = lock(programId, memberId);
		long after = balance.available() + points;
		if (after < 0) {
			throw new PhiliaException(LedgerProblems.INSUFFICIENT_POINTS, "The member has " + balance.available()
					+ " available points; an adjustment of " + points + " would leave " + after,
					Map.of("available", balance.available()));
		}
		return post(programId, memberId, Kind.ADJUSTMENT, points, after, 0, Cause.adjustment(), reason, actor, null,
				Account.PROGRAMME_ADJUSTMENTS, 0);
	}

	/**
	 * Spends available points (a reward, points as payment). Refused with INSUFFICIENT_POINTS, and nothing
	 * written, when the member has fewer available points.
	 */
	@Transactional
	public Movement spend(String programId, String memberId, long points, Cause cause) {
		requirePositive(points);
		Balance balance = lock(programId, memberId);
		if (balance.available() < points) {
			throw new PhiliaException(LedgerProblems.INSUFFICIENT_POINTS, "The member has " + balance.available()
					+ " available points; " + points + " are needed", Map.of("available", balance.available()));
		}
		return post(programId, memberId, Kind.SPEND, -points, balance.available() - points, 0, cause, null, null,
				null, Account.PROGRAMME_REDEEMED, 0);
	}

	/** Gives back points a spend took (a cancelled redemption, a released checkout), linked to that spend. */
	@Transactional
	public Movement restore(String programId, String memberId, long points, Cause cause, String spendEntryId) {
		requirePositive(points);
		Balance balance = lock(programId, memberId);
		return post(programId, memberId, Kind.RESTORE, points, balance.available() + points, 0, cause, null, null,
				spendEntryId, Account.PROGRAMME_REDEEMED, 0);
	}

	public Balance balance(String programId, String memberId) {
		return jdbc.sql("select available, pending, lifetime_earned from member_balance where program_id = ? and member_id = ?")
			.params(programId, memberId)
			.query((rs, n) -> new Balance(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.optional()
			.orElse(Balance.ZERO);
	}

	/** A member's movements, newest first. */
	public CursorPage<Movement> history(String programId, String memberId, int limit, String cursor) {
		String before = CursorPage.decode(cursor);
		var params = new HashMap<String, Object>();
		params.put("program", programId);
		params.put("member", memberId);
		params.put("limit", limit + 1);
		String sql = "select * from journal_entry where program_id = :program and member_id = :member"
				+ (before == null ? "" : " and id < :before") + " order by id desc limit :limit";
		if (before != null) {
			params.put("before", before);
		}
		List<Movement> rows = jdbc.sql(sql).params(params).query(this::movement).list();
		return CursorPage.of(rows, limit, Movement::id);
	}

	/** Checks the invariants over a whole programme; meant for tests, operators and after incidents. */
	public LedgerAudit audit(String programId) {
		List<String> unbalanced = jdbc.sql("""
				select entry_id from posting where program_id = ? group by entry_id having sum(amount) <> 0""")
			.param(programId)
			.query(String.class)
			.list();
		List<String> mismatches = jdbc.sql("""
				select b.member_id from member_balance b
				left join (select member_id, sum(amount) as total from posting
				           where program_id = ? and account = 'MEMBER_AVAILABLE' group by member_id) p
				  on p.member_id = b.member_id
				where b.program_id = ? and b.available <> coalesce(p.total, 0)""")
			.params(programId, programId)
			.query(String.class)
			.list();
		List<String> negative = jdbc.sql("select member_id from member_balance where program_id = ? and available < 0")
			.param(programId)
			.query(String.class)
			.list();
		return new LedgerAudit(unbalanced, mismatches, negative);
	}

	/** The member's balance row, created at zero if needed and locked until the transaction ends. */
	private Balance lock(String programId, String memberId) {
		jdbc.sql("""
				insert into member_balance (program_id, member_id, available, pending, lifetime_earned, updated_at)
				values (?, ?, 0, 0, 0, ?) on conflict do nothing""")
			.params(programId, memberId, now())
			.update();
		return jdbc.sql("""
				select available, pending, lifetime_earned from member_balance
				where program_id = ? and member_id = ? for update""")
			.params(programId, memberId)
			.query((rs, n) -> new Balance(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	private Movement post(String programId, String memberId, Kind kind, long points, long availableAfter,
			long shortfall, Cause cause, String reason, String actor, String corrects, Account house, long earnedDelta) {
		return post(programId, memberId, kind, points, availableAfter, shortfall, cause, reason, actor, corrects, house,
				earnedDelta, null);
	}

	private Movement post(String programId, String memberId, Kind kind, long points, long availableAfter,
			long shortfall, Cause cause, String reason, String actor, String corrects, Account house, long earnedDelta,
			List<Attribution> explanation) {
		Instant at = clock.instant();
		String id = Ids.next(clock);
		jdbc.sql("""
				insert into journal_entry (id, program_id, member_id, kind, points, available_after, shortfall,
				  cause_type, cause_ref, event_id, reason, actor, corrects_entry_id, created_at, explanation)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, programId, memberId, kind.name(), points, availableAfter, shortfall, cause.type(),
					cause.reference(), cause.eventId(), reason, actor, corrects, at.atOffset(ZoneOffset.UTC),
					explanation == null ? null : json.writeValueAsString(explanation))
			.update();
		// Double entry: what the member gains, the house account gives (and the other way round).
		jdbc.sql("""
				insert into posting (entry_id, line, program_id, account, member_id, amount)
				values (?, 1, ?, 'MEMBER_AVAILABLE', ?, ?), (?, 2, ?, ?, null, ?)""")
			.params(id, programId, memberId, points, id, programId, house.name(), -points)
			.update();
		long lifetime = earnedDelta;
		jdbc.sql("""
				update member_balance set available = ?, lifetime_earned = lifetime_earned + ?, updated_at = ?
				where program_id = ? and member_id = ?""")
			.params(availableAfter, lifetime, at.atOffset(ZoneOffset.UTC), programId, memberId)
			.update();
		return new Movement(id, at, kind, points, availableAfter, cause, reason, actor,
				shortfall == 0 ? null : shortfall, corrects, explanation == null ? null : List.copyOf(explanation));
	}

	private OffsetDateTime now() {
		return clock.instant().atOffset(ZoneOffset.UTC);
	}

	private static void requirePositive(long points) {
		if (points <= 0) {
			throw new IllegalArgumentException("points must be positive, was " + points);
		}
	}

	private Movement movement(ResultSet rs, int row) throws SQLException {
		long shortfall = rs.getLong("shortfall");
		String explanation = rs.getString("explanation");
		return new Movement(rs.getString("id"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				Kind.valueOf(rs.getString("kind")), rs.getLong("points"), rs.getLong("available_after"),
				new Cause(rs.getString("cause_type"), rs.getString("cause_ref"), rs.getString("event_id")),
				rs.getString("reason"), rs.getString("actor"), shortfall == 0 ? null : shortfall,
				rs.getString("corrects_entry_id"), explanation == null ? null : json.readValue(explanation, EXPLANATION));
	}
}
