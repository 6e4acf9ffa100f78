package io.philia.ledger.internal;

import static io.philia.ledger.internal.Rows.instant;
import static io.philia.ledger.internal.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.platform.AnyOf;
import io.philia.platform.WriteBehind;

/**
 * Members' balance rows: locked before any change of the member's points, in member id order. A row the
 * transaction wrote (now or deferred) is kept in its memory: locked, it cannot change but through this
 * transaction, so locking or reading it again costs no round trip and its deferred update need not be
 * written out first. Each piece of work gets a copy, so what a refused piece changed in memory is lost
 * with it.
 */
@Repository
public class AccountStore {

	private static final String COLUMNS = """
			member_id, available, pending, lifetime_earned, next_due_at, inactivity_months, inactivity_deadline,
			merged_into""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WriteBehind writes;

	private final BalanceCache cache;

	AccountStore(JdbcClient jdbc, Clock clock, WriteBehind writes, BalanceCache cache) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.writes = writes;
		this.cache = cache;
	}

	/**
	 * The member's balance row, created at zero if needed and locked until the transaction ends. An
	 * existing row is one round trip; a new one two (the look, then the insert, whose row is known); one
	 * this transaction wrote or {@linkplain #open opened}, none.
	 */
	public MemberAccount lock(String programId, String memberId) {
		cache.writing(programId, memberId);
		Map<String, MemberAccount> locked = locked();
		MemberAccount known = locked == null ? null : locked.get(key(programId, memberId));
		if (known != null) {
			return known.copy();
		}
		// Not inserted: a concurrent transaction created the row first; locked once it commits.
		return selectForUpdate(programId, memberId).orElseGet(() -> insert(programId, memberId)
				? zero(programId, memberId) : selectForUpdate(programId, memberId).orElseThrow());
	}

	/**
	 * A new member's zero balance row, deferred to the commit and kept in the transaction's memory: the
	 * earning that usually follows in the same transaction (a first order) then locks it without a round
	 * trip, and while the insert has not gone out, its changes are written into the insert's row instead of
	 * an update (which could go out before the insert). Outside a transaction there is nothing to keep: the
	 * row waits for the member's first lock.
	 */
	public void open(String programId, String memberId) {
		cache.writing(programId, memberId);
		Map<String, MemberAccount> locked = locked();
		if (locked == null || locked.containsKey(key(programId, memberId))) {
			return;
		}
		MemberAccount zero = zero(programId, memberId);
		// Plain insert: the member is new, so a row already there would be a bug, not a race to hide.
		Object[] row = new Object[OPENED_COLUMNS];
		fill(row, zero, utc(clock.instant()));
		opened().put(key(programId, memberId), writes.deferChangeable(OPEN, row));
		remember(zero);
	}

	private static final String OPEN = """
			insert into member_balance (available, pending, lifetime_earned, next_due_at, inactivity_months,
			  inactivity_deadline, merged_into, updated_at, program_id, member_id)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** The columns of {@link #OPEN}, in the order of the update's parameters. */
	private static final int OPENED_COLUMNS = 10;

	/** Opened accounts' deferred inserts. */
	private Map<String, WriteBehind.Deferred> opened() {
		return writes.memory("ledger.opened-accounts", HashMap::new);
	}

	/** The row of an opened account whose insert has not gone out yet, or null. */
	private Object[] pendingInsert(MemberAccount account) {
		Map<String, WriteBehind.Deferred> opened = opened();
		WriteBehind.Deferred insert = opened == null ? null : opened.get(key(account.programId, account.memberId));
		return insert == null ? null : insert.waiting();
	}

	private static void fill(Object[] row, MemberAccount a, Object now) {
		row[0] = a.available;
		row[1] = a.pending;
		row[2] = a.lifetimeEarned;
		row[3] = utc(a.nextDueAt);
		row[4] = a.inactivityMonths;
		row[5] = utc(a.inactivityDeadline);
		row[6] = a.mergedInto;
		row[7] = now;
		row[8] = a.programId;
		row[9] = a.memberId;
	}

	/** A zero balance row; false if the member has one already. */
	private boolean insert(String programId, String memberId) {
		return jdbc.sql("""
				insert into member_balance (program_id, member_id, available, pending, lifetime_earned, updated_at)
				values (?, ?, 0, 0, 0, ?) on conflict do nothing""")
			.params(programId, memberId, utc(clock.instant()))
			.update() == 1;
	}

	private static MemberAccount zero(String programId, String memberId) {
		return new MemberAccount(programId, memberId, 0, 0, 0, null, null, null, null);
	}

	private Optional<MemberAccount> selectForUpdate(String programId, String memberId) {
		return jdbc.sql("select " + COLUMNS + " from member_balance where program_id = ? and member_id = ? for update")
			.params(programId, memberId)
			.query((rs, n) -> account(programId, rs))
			.optional();
	}

	/** Existing rows of these members, locked in member id order (so that two such locks cannot deadlock). */
	public List<MemberAccount> lockExisting(String programId, Collection<String> memberIds) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		memberIds.forEach(memberId -> cache.writing(programId, memberId));
		writes.writeOut();
		// One array (AnyOf): one statement text for any number of members.
		return jdbc.sql("select " + COLUMNS + " from member_balance where program_id = ? and member_id = any(?)"
				+ " order by member_id for update")
			.params(programId, AnyOf.values(memberIds))
			.query((rs, n) -> account(programId, rs))
			.list();
	}

	/**
	 * Locks the existing balance rows of these members for the rest of the transaction and keeps them in its
	 * memory, so that their {@link #lock}s need no round trip: a micro-batch's repeat customers, at its
	 * start. In member id order: two batches locking members they share cannot deadlock on these locks.
	 */
	public void lockAhead(String programId, Collection<String> memberIds) {
		Map<String, MemberAccount> locked = locked();
		if (locked == null) {
			return;
		}
		List<String> unknown = memberIds.stream().filter(id -> !locked.containsKey(key(programId, id))).toList();
		lockExisting(programId, unknown).forEach(this::remember);
	}

	/** The member's balance row as it stands in this transaction. */
	public Optional<MemberAccount> read(String programId, String memberId) {
		Map<String, MemberAccount> locked = locked();
		MemberAccount known = locked == null ? null : locked.get(key(programId, memberId));
		if (known != null) {
			return Optional.of(known.copy());
		}
		return jdbc.sql("select " + COLUMNS + " from member_balance where program_id = ? and member_id = ?")
			.params(programId, memberId)
			.query((rs, n) -> account(programId, rs))
			.optional();
	}

	/** Members of whom something is due by {@code now}: pending points to release, points to expire. */
	public List<String> due(String programId, Instant now, int limit) {
		writes.writeOut();
		return jdbc.sql("""
				select member_id from member_balance where program_id = ? and next_due_at <= ?
				order by next_due_at limit ?""")
			.params(programId, utc(now), limit)
			.query(String.class)
			.list();
	}

	void update(Collection<MemberAccount> accounts, Rows.Sink sink) {
		var rows = new ArrayList<Object[]>(accounts.size());
		var now = utc(clock.instant());
		for (MemberAccount a : accounts) {
			remember(a);
			if (a.dirty) {
				Object[] pending = pendingInsert(a);
				if (pending != null) {
					fill(pending, a, now);
				}
				else {
					var row = new Object[OPENED_COLUMNS];
					fill(row, a, now);
					rows.add(row);
				}
				a.dirty = false;
			}
		}
		sink.send("""
				update member_balance set available = ?, pending = ?, lifetime_earned = ?, next_due_at = ?,
				  inactivity_months = ?, inactivity_deadline = ?, merged_into = ?, updated_at = ?
				where program_id = ? and member_id = ?""", rows);
	}

	/**
	 * The balance row's columns of table alias {@code b}, each named {@code b_<column>}: a statement that
	 * joins other tables reads them with {@link #account(String, ResultSet, String)} and prefix "b_".
	 */
	static String aliased() {
		return COLUMNS.lines()
			.flatMap(line -> java.util.Arrays.stream(line.split(",")))
			.map(String::trim)
			.filter(column -> !column.isEmpty())
			.map(column -> "b." + column + " as b_" + column)
			.collect(java.util.stream.Collectors.joining(", "));
	}

	private Map<String, MemberAccount> locked() {
		return writes.memory("ledger.locked-accounts", HashMap::new);
	}

	private void remember(MemberAccount account) {
		Map<String, MemberAccount> locked = locked();
		if (locked != null) {
			locked.put(key(account.programId, account.memberId), account.copy());
		}
	}

	private static String key(String programId, String memberId) {
		return programId + "/" + memberId;
	}

	private static MemberAccount account(String programId, ResultSet rs) throws SQLException {
		return account(programId, rs, "");
	}

	static MemberAccount account(String programId, ResultSet rs, String prefix) throws SQLException {
		return new MemberAccount(programId, rs.getString(prefix + "member_id"), rs.getLong(prefix + "available"),
				rs.getLong(prefix + "pending"), rs.getLong(prefix + "lifetime_earned"), instant(rs, prefix + "next_due_at"),
				Rows.integer(rs, prefix + "inactivity_months"), instant(rs, prefix + "inactivity_deadline"),
				rs.getString(prefix + "merged_into"));
	}
}
