package io.philia.ledger.internal;

import static io.philia.ledger.internal.Rows.instant;
import static io.philia.ledger.internal.Rows.utc;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.ledger.Attribution;
import io.philia.ledger.Cause;
import io.philia.ledger.Movement;
import io.philia.ledger.Movement.Kind;
import io.philia.platform.CursorPage;
import io.philia.platform.WriteBehind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only journal: entries and their postings, and the history members read from it. */
@Repository
public class JournalStore {

	private static final TypeReference<List<Attribution>> EXPLANATION = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final WriteBehind writes;

	JournalStore(JdbcClient jdbc, JsonMapper json, WriteBehind writes) {
		this.jdbc = jdbc;
		this.json = json;
		this.writes = writes;
	}

	/** A spend or transfer as restores and checks need it: whose, what kind, how many points it moved. */
	public record EntryFacts(String memberId, Kind kind, long points) {
	}

	void write(List<Entry> entries, Rows.Sink sink) {
		var rows = new ArrayList<Object[]>(entries.size());
		var lines = new ArrayList<Object[]>(entries.size() * 2);
		for (Entry e : entries) {
			rows.add(new Object[] { e.id, e.programId, e.memberId, e.kind.name(), e.points, e.pending, e.availableAfter,
					e.pendingAfter, e.shortfall, e.cause.type(), e.cause.reference(), e.cause.eventId(), e.reason,
					e.actor, e.corrects, utc(e.at), e.explanation == null ? null : json.writeValueAsString(e.explanation) });
			int line = 1;
			for (var posting : e.lines()) {
				boolean member = posting.getKey().name().startsWith("MEMBER_");
				lines.add(new Object[] { e.id, line++, e.programId, posting.getKey().name(), member ? e.memberId : null,
						posting.getValue() });
			}
		}
		sink.send("""
				insert into journal_entry (id, program_id, member_id, kind, points, pending_points, available_after,
				  pending_after, shortfall, cause_type, cause_ref, event_id, reason, actor, corrects_entry_id, created_at,
				  explanation)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
		sink.send("insert into posting (entry_id, line, program_id, account, member_id, amount) values (?, ?, ?, ?, ?, ?)",
				lines);
	}

	public Optional<EntryFacts> facts(String programId, String entryId) {
		writes.writeOut();
		return jdbc.sql("select member_id, kind, points from journal_entry where program_id = ? and id = ?")
			.params(programId, entryId)
			.query((rs, n) -> new EntryFacts(rs.getString(1), Kind.valueOf(rs.getString(2)), rs.getLong(3)))
			.optional();
	}

	/** Points already given back by restores of one spend. */
	long restoredOf(String programId, String spendEntryId) {
		writes.writeOut();
		return jdbc.sql("""
				select coalesce(sum(points), 0) from journal_entry
				where program_id = ? and corrects_entry_id = ? and kind = 'RESTORE'""")
			.params(programId, spendEntryId)
			.query(Long.class)
			.single();
	}

	/** Points a member moved in entries of one kind since a time (transfer limits per month). */
	public long movedSince(String programId, String memberId, Kind kind, Instant since) {
		writes.writeOut();
		return jdbc.sql("""
				select coalesce(sum(abs(points)), 0) from journal_entry
				where program_id = ? and member_id = ? and kind = ? and created_at >= ?""")
			.params(programId, memberId, kind.name(), utc(since))
			.query(Long.class)
			.single();
	}

	/**
	 * A member's movements, newest first, with those of the accounts merged into theirs; an earning also
	 * says when its points become available and their last day.
	 */
	public CursorPage<Movement> history(String programId, String memberId, int limit, String cursor) {
		String before = CursorPage.decode(cursor);
		writes.writeOut();
		var params = new HashMap<String, Object>();
		params.put("program", programId);
		params.put("member", memberId);
		params.put("limit", limit + 1);
		String sql = """
				select e.*, l.available_at as lot_available_at, l.expires_on as lot_expires_on
				from journal_entry e left join point_lot l on l.program_id = e.program_id and l.id = e.id
				where e.program_id = :program and (e.member_id = :member or e.member_id in
				  (select absorbed_id from member_merge where program_id = :program and survivor_id = :member))"""
				+ (before == null ? "" : " and e.id < :before") + " order by e.id desc limit :limit";
		if (before != null) {
			params.put("before", before);
		}
		List<Movement> rows = jdbc.sql(sql).params(params).query(this::movement).list();
		return CursorPage.of(rows, limit, Movement::id);
	}

	private Movement movement(ResultSet rs, int row) throws SQLException {
		long shortfall = rs.getLong("shortfall");
		long pending = rs.getLong("pending_points");
		long pendingAfter = rs.getLong("pending_after");
		String explanation = rs.getString("explanation");
		Kind kind = Kind.valueOf(rs.getString("kind"));
		Date expiresOn = kind == Kind.EARN ? rs.getDate("lot_expires_on") : null;
		return new Movement(rs.getString("id"), instant(rs, "created_at"), kind, rs.getLong("points"),
				rs.getLong("available_after"),
				new Cause(rs.getString("cause_type"), rs.getString("cause_ref"), rs.getString("event_id")),
				rs.getString("reason"), rs.getString("actor"), shortfall == 0 ? null : shortfall,
				rs.getString("corrects_entry_id"), explanation == null ? null : json.readValue(explanation, EXPLANATION),
				pending == 0 ? null : pending, pending == 0 && pendingAfter == 0 ? null : pendingAfter,
				kind == Kind.EARN ? instant(rs, "lot_available_at") : null,
				expiresOn == null ? null : expiresOn.toLocalDate());
	}

}
