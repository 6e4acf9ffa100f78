package io.philia.ledger.internal;

import static io.philia.ledger.internal.Rows.instant;
import static io.philia.ledger.internal.Rows.utc;
import static java.util.stream.Collectors.toCollection;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.ledger.Lot;
import io.philia.platform.AnyOf;
import io.philia.platform.CursorPage;
import io.philia.platform.WriteBehind;

/**
 * Lots and what each entry took from them. Lots are not locked themselves: every change of a member's
 * lots happens under the lock of the member's balance row.
 */
@Repository
public class LotStore {

	private static final String ACCOUNT_WITH_OPEN_LOTS = "select " + AccountStore.aliased() + ", l.*"
			+ " from member_balance b left join point_lot l"
			+ " on l.program_id = b.program_id and l.member_id = b.member_id and l.remaining > 0"
			+ " where b.program_id = ? and b.member_id = ?";

	private final JdbcClient jdbc;

	private final WriteBehind writes;

	LotStore(JdbcClient jdbc, WriteBehind writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	/** The open lots (points left) of these members, by member. */
	Map<String, List<LotRow>> open(String programId, Collection<String> memberIds) {
		writes.writeOut();
		Map<String, List<LotRow>> byMember = new HashMap<>();
		jdbc.sql("select * from point_lot where program_id = ? and member_id = any(?) and remaining > 0")
			.params(programId, AnyOf.values(memberIds))
			.query(LotStore::lot)
			.list()
			.forEach(lot -> byMember.computeIfAbsent(lot.memberId, m -> new ArrayList<>()).add(lot));
		return byMember;
	}

	/** A member's balance row with their open lots, as one consistent snapshot. */
	record AccountWithLots(MemberAccount account, List<LotRow> open) {
	}

	/**
	 * The balance row and the open lots in one statement: a shop reads a balance on every page, and each
	 * statement costs a pooled connection and a round trip (issue #3's profile). Empty without a balance row.
	 */
	Optional<AccountWithLots> accountWithOpenLots(String programId, String memberId) {
		record Row(MemberAccount account, LotRow lot) {
		}
		List<Row> rows = jdbc.sql(ACCOUNT_WITH_OPEN_LOTS)
			.params(programId, memberId)
			.query((rs, n) -> new Row(AccountStore.account(programId, rs, "b_"),
					rs.getString("id") == null ? null : lot(rs, n)))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		List<LotRow> open = rows.stream().map(Row::lot).filter(Objects::nonNull).collect(toCollection(ArrayList::new));
		return Optional.of(new AccountWithLots(rows.get(0).account(), open));
	}

	List<LotRow> open(String programId, String memberId) {
		return open(programId, List.of(memberId)).getOrDefault(memberId, new ArrayList<>());
	}

	Optional<LotRow> find(String programId, String lotId) {
		writes.writeOut();
		return jdbc.sql("select * from point_lot where program_id = ? and id = ?")
			.params(programId, lotId)
			.query(LotStore::lot)
			.optional();
	}

	List<LotRow> find(String programId, Collection<String> lotIds) {
		if (lotIds.isEmpty()) {
			return List.of();
		}
		writes.writeOut();
		return jdbc.sql("select * from point_lot where program_id = ? and id = any(?)")
			.params(programId, AnyOf.values(lotIds))
			.query(LotStore::lot)
			.list();
	}

	/** How many points each lot gave to an entry (a spend, a transfer). */
	Map<String, Long> consumedBy(String programId, String entryId) {
		writes.writeOut();
		Map<String, Long> consumed = new HashMap<>();
		jdbc.sql("select lot_id, points from lot_consumption where program_id = ? and entry_id = ?")
			.params(programId, entryId)
			.query((rs, n) -> consumed.put(rs.getString(1), rs.getLong(2)))
			.list();
		return consumed;
	}

	/** A member's lots, newest first, open ones only unless {@code all}. */
	public CursorPage<Lot> page(String programId, String memberId, boolean all, int limit, String cursor) {
		String before = CursorPage.decode(cursor);
		writes.writeOut();
		var params = new ArrayList<Object>(List.of(programId, memberId));
		String sql = "select * from point_lot where program_id = ? and member_id = ?" + (all ? "" : " and remaining > 0");
		if (before != null) {
			sql += " and id < ?";
			params.add(before);
		}
		params.add(limit + 1);
		List<Lot> rows = jdbc.sql(sql + " order by id desc limit ?").params(params).query(LotStore::lot).list()
			.stream()
			.map(LotRow::view)
			.toList();
		return CursorPage.of(rows, limit, Lot::id);
	}

	/** Every lot of one member becomes another's (an account merge): history stays with the lot. */
	void move(String programId, String fromMemberId, String toMemberId) {
		writes.writeOut();
		jdbc.sql("update point_lot set member_id = ? where program_id = ? and member_id = ?")
			.params(toMemberId, programId, fromMemberId)
			.update();
	}

	void write(Changes changes, Rows.Sink sink) {
		var inserts = new ArrayList<Object[]>();
		var updates = new ArrayList<Object[]>();
		for (LotRow lot : changes.lots.values()) {
			if (lot.fresh) {
				inserts.add(new Object[] { lot.programId, lot.id, lot.memberId, lot.entryId, lot.points, lot.remaining,
						lot.pending, utc(lot.earnedAt), utc(lot.availableAt), utc(lot.expiresAt),
						lot.expiresOn == null ? null : Date.valueOf(lot.expiresOn), lot.onInactivity, lot.expired,
						lot.expiryEntryId });
				lot.fresh = false;
			}
			else if (lot.dirty) {
				updates.add(new Object[] { lot.remaining, lot.pending, utc(lot.availableAt), lot.expired,
						lot.expiryEntryId, lot.memberId, lot.programId, lot.id });
			}
			lot.dirty = false;
		}
		sink.send("""
				insert into point_lot (program_id, id, member_id, entry_id, points, remaining, pending, earned_at,
				  available_at, expires_at, expires_on, on_inactivity, expired, expiry_entry_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
		sink.send("""
				update point_lot set remaining = ?, pending = ?, available_at = ?, expired = ?, expiry_entry_id = ?,
				  member_id = ?
				where program_id = ? and id = ?""", updates);
		expireGroups(changes.expiredGroups);
		var consumption = new ArrayList<Object[]>();
		for (Entry entry : changes.entries) {
			entry.consumed.forEach((lot, points) -> {
				if (points != 0) {
					consumption.add(new Object[] { entry.programId, entry.id, lot.id, points });
				}
			});
		}
		sink.send("insert into lot_consumption (program_id, entry_id, lot_id, points) values (?, ?, ?, ?)",
				consumption);
	}

	/**
	 * Expires, in one statement, the untouched lots a settlement expired as whole groups: every open
	 * available lot of those members past its date, each pointing to its member's expiry entry dated when
	 * it expired (written before this). One statement per chunk instead of one per lot: a million lots are
	 * a few hundred statements. Such an entry is unique: lots are never credited with a past date, so no
	 * lot of a member is open past a date whose expiry was already booked; were one, the subquery's second
	 * row would fail the statement rather than link a lot to the wrong entry.
	 */
	private void expireGroups(List<Object[]> groups) {
		if (groups.isEmpty()) {
			return;
		}
		var members = new java.util.LinkedHashSet<String>();
		java.time.OffsetDateTime latest = null;
		int expected = 0;
		for (Object[] group : groups) {
			expected += (Integer) group[4];
			members.add((String) group[2]);
			var at = (java.time.OffsetDateTime) group[3];
			latest = latest == null || at.isAfter(latest) ? at : latest;
		}
		int expired = jdbc.sql("""
				update point_lot set expired = expired + remaining, remaining = 0, expiry_entry_id =
				  (select e.id from journal_entry e where e.program_id = point_lot.program_id
				     and e.member_id = point_lot.member_id and e.kind = 'EXPIRY' and e.created_at = point_lot.expires_at)
				where program_id = ? and member_id = any(?) and remaining > 0 and pending = false
				  and on_inactivity = false and expires_at <= ?""")
			.params(groups.get(0)[1], AnyOf.values(members), latest)
			.update();
		if (expired != expected) {
			// The balances were debited for exactly the lots settled in memory: anything else must not commit.
			throw new IllegalStateException("expired " + expired + " lots in the database, " + expected + " in memory");
		}
	}

	private static LotRow lot(ResultSet rs, int row) throws SQLException {
		Date expiresOn = rs.getDate("expires_on");
		return new LotRow(rs.getString("program_id"), rs.getString("id"), rs.getString("member_id"),
				rs.getString("entry_id"), rs.getLong("points"), rs.getLong("remaining"), rs.getBoolean("pending"),
				instant(rs, "earned_at"), instant(rs, "available_at"), instant(rs, "expires_at"),
				expiresOn == null ? null : expiresOn.toLocalDate(), rs.getBoolean("on_inactivity"), rs.getLong("expired"),
				rs.getString("expiry_entry_id"));
	}
}
