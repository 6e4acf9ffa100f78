package io.philia.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

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

	Books(AccountStore accounts, LotStore lots, JournalStore journal, Clock clock) {
		this.accounts = accounts;
		this.lots = lots;
		this.journal = journal;
		this.clock = clock;
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

		public void flush() {
			journal.write(changes.entries);
			lots.write(changes);
			accounts.update(changes.accounts);
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
