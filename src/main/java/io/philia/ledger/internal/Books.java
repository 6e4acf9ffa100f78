package io.philia.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.philia.platform.Batches;
import io.philia.platform.WriteBehind;

/**
 * Where ledger work starts and ends: it locks members' balance rows (following merged accounts to the one
 * that survived), settles what fell due for them before anything else moves, loads their lots once, and
 * writes everything the work changed.
 */
@Component
public class Books {

	private final AccountStore accounts;

	private final LotStore lots;

	private final JournalStore journal;

	private final Clock clock;

	private final WriteBehind writes;

	private final Rows.Sink now;

	private final Rows.Sink atCommit;

	Books(AccountStore accounts, LotStore lots, JournalStore journal, Clock clock, WriteBehind writes,
			JdbcTemplate batch) {
		this.accounts = accounts;
		this.lots = lots;
		this.journal = journal;
		this.clock = clock;
		this.writes = writes;
		this.now = (sql, rows) -> Batches.send(batch, sql, rows);
		this.atCommit = (sql, rows) -> rows.forEach(row -> writes.defer(sql, row));
	}

	public Work begin() {
		return new Work(new Changes(clock));
	}

	/** One transaction's ledger work: the accounts it locked, their lots, and its changes. */
	public final class Work {

		final Changes changes;

		Work(Changes changes) {
			this.changes = changes;
		}

		/**
		 * Locks the member's account, or the one it was merged into, and settles anything due. The hot path
		 * pays nothing for this when nothing is due: the due time comes with the locked row.
		 */
		public MemberAccount lock(String programId, String memberId) {
			MemberAccount account = accounts.lock(programId, memberId);
			while (account.mergedInto != null) {
				account = accounts.lock(programId, account.mergedInto);
			}
			if (account.isDue(clock.instant())) {
				Settlement.settle(changes, account, lots(account), clock.instant());
			}
			return account;
		}

		/** Locks two accounts in member id order, so that two such locks never deadlock. */
		public MemberAccount[] lockBoth(String programId, String first, String second) {
			boolean inOrder = first.compareTo(second) < 0;
			MemberAccount a = lock(programId, inOrder ? first : second);
			MemberAccount b = lock(programId, inOrder ? second : first);
			return inOrder ? new MemberAccount[] { a, b } : new MemberAccount[] { b, a };
		}

		/** The member's open lots, read once per piece of work. */
		List<LotRow> lots(MemberAccount account) {
			return changes.openLots.computeIfAbsent(account.memberId, m -> lots.open(account.programId, m));
		}

		void loaded(String programId, List<String> memberIds) {
			Map<String, List<LotRow>> byMember = lots.open(programId, memberIds);
			memberIds.forEach(m -> changes.openLots.put(m, byMember.getOrDefault(m, new ArrayList<>())));
		}

		/** Writes what the work changed now, after anything the transaction deferred. */
		public void flush() {
			writes.writeOut();
			write(now);
		}

		/**
		 * Defers what the work changed to the commit, batched with the other pieces of the transaction (an
		 * earning: nothing reads its rows back but through the ledger, which writes them out first). A
		 * settlement's group expiry is one statement checked as it runs: such work is written now.
		 */
		public void flushLater() {
			if (changes.expiredGroups.isEmpty()) {
				write(atCommit);
			}
			else {
				flush();
			}
		}

		private void write(Rows.Sink sink) {
			journal.write(changes.entries, sink);
			lots.write(changes, sink);
			accounts.update(changes.accounts, sink);
			changes.entries.clear();
			changes.lots.clear();
			changes.accounts.clear();
			changes.expiredGroups.clear();
		}

		List<Entry> entries() {
			return new ArrayList<>(changes.entries);
		}
	}
}
