package io.philia.ledger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.ledger.Account;
import io.philia.ledger.LedgerAudit;
import io.philia.platform.WriteBehind;

/**
 * The ledger's invariants over one programme, each listing what breaks it. Each table is summed by one
 * grouped query and the sums are compared here: joins of grouped tables are slow on H2, and an audit
 * must stay cheap enough to run after every few hundred sequences of the property tests.
 */
@Repository
public class AuditQueries {

	private final JdbcClient jdbc;

	private final WriteBehind writes;

	AuditQueries(JdbcClient jdbc, WriteBehind writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	public LedgerAudit audit(String programId, long allowedDebt) {
		writes.writeOut();
		Map<String, long[]> balances = new HashMap<>();
		jdbc.sql("select member_id, available, pending from member_balance where program_id = ?")
			.param(programId)
			.query((rs, n) -> balances.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();
		// Per member, the sum of each account's postings over the member's entries.
		Map<String, Map<Account, Long>> flows = new HashMap<>();
		jdbc.sql("""
				select e.member_id, p.account, sum(p.amount) from posting p join journal_entry e on e.id = p.entry_id
				where p.program_id = ? group by e.member_id, p.account""")
			.param(programId)
			.query((rs, n) -> flows.computeIfAbsent(rs.getString(1), m -> new HashMap<>())
				.put(Account.valueOf(rs.getString(2)), rs.getLong(3)))
			.list();
		Map<String, long[]> lots = new HashMap<>();
		jdbc.sql("""
				select member_id, sum(case when pending then 0 else remaining end),
				  sum(case when pending then remaining else 0 end)
				from point_lot where program_id = ? group by member_id""")
			.param(programId)
			.query((rs, n) -> lots.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
			.list();

		var mismatches = new TreeSet<String>();
		var negative = new TreeSet<String>();
		var lotMismatches = new TreeSet<String>();
		var unaccounted = new TreeSet<String>();
		balances.forEach((member, balance) -> {
			Map<Account, Long> f = flows.getOrDefault(member, Map.of());
			long available = balance[0];
			long pending = balance[1];
			if (available != f.getOrDefault(Account.MEMBER_AVAILABLE, 0L)
					|| pending != f.getOrDefault(Account.MEMBER_PENDING, 0L)) {
				mismatches.add(member);
			}
			if (available < -allowedDebt) {
				negative.add(member);
			}
			long[] open = lots.getOrDefault(member, new long[2]);
			if (open[0] != Math.max(available, 0) || open[1] != pending) {
				lotMismatches.add(member);
			}
			long issued = -(f.getOrDefault(Account.PROGRAMME_ISSUED, 0L) + f.getOrDefault(Account.PROGRAMME_ADJUSTMENTS, 0L)
					+ f.getOrDefault(Account.PROGRAMME_TRANSFERS, 0L));
			long spent = f.getOrDefault(Account.PROGRAMME_REDEEMED, 0L);
			long expired = f.getOrDefault(Account.PROGRAMME_EXPIRED, 0L);
			if (issued != available + pending + spent + expired) {
				unaccounted.add(member);
			}
		});
		return new LedgerAudit(unbalanced(programId), List.copyOf(mismatches), List.copyOf(negative),
				List.copyOf(lotMismatches), overconsumed(programId), List.copyOf(unaccounted));
	}

	private List<String> unbalanced(String programId) {
		return jdbc.sql("select entry_id from posting where program_id = ? group by entry_id having sum(amount) <> 0")
			.param(programId)
			.query(String.class)
			.list();
	}

	/** No lot consumed twice: what is left is exactly what was credited less what was taken and expired. */
	private List<String> overconsumed(String programId) {
		Map<String, Long> taken = new HashMap<>();
		jdbc.sql("select lot_id, sum(points) from lot_consumption where program_id = ? group by lot_id")
			.param(programId)
			.query((rs, n) -> taken.put(rs.getString(1), rs.getLong(2)))
			.list();
		var broken = new ArrayList<String>();
		jdbc.sql("select id, points, remaining, expired, expiry_entry_id from point_lot where program_id = ?")
			.param(programId)
			.query((rs, n) -> {
				String id = rs.getString(1);
				long points = rs.getLong(2);
				long remaining = rs.getLong(3);
				long expired = rs.getLong(4);
				boolean expiredWithoutEntry = expired > 0 && rs.getString(5) == null;
				if (remaining < 0 || expired < 0 || remaining != points - taken.getOrDefault(id, 0L) - expired
						|| expiredWithoutEntry) {
					broken.add(id);
				}
				return id;
			})
			.list();
		return broken;
	}
}
