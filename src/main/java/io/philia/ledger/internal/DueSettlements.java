package io.philia.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.philia.ledger.LedgerSettings;
import io.philia.platform.Transactions;
import io.philia.program.Programme;
import io.philia.program.Programmes;

/**
 * Books what fell due, programme by programme, a chunk of members per transaction: a crash loses at
 * most the chunk in flight, and the next run starts with what is still due. Idempotent by construction:
 * what was booked is no longer due, and every member is settled under the lock of their balance row.
 */
@Component
public class DueSettlements {

	private static final Logger log = LoggerFactory.getLogger(DueSettlements.class);

	private final AccountStore accounts;

	private final Books books;

	private final Programmes programmes;

	private final Transactions transactions;

	private final LedgerSettings settings;

	private final Clock clock;

	DueSettlements(AccountStore accounts, Books books, Programmes programmes, Transactions transactions,
			LedgerSettings settings, Clock clock) {
		this.accounts = accounts;
		this.books = books;
		this.programmes = programmes;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/** Settles every programme; returns how many members had something booked or checked. */
	public int settleAll() {
		int settled = 0;
		for (Programme programme : programmes.all()) {
			settled += settle(programme.id());
		}
		return settled;
	}

	/** Settles everything due in one programme by now. */
	public int settle(String programId) {
		Instant now = clock.instant();
		int total = 0;
		// A chunk smaller than the limit was the last; the bound keeps a run finite whatever happens (what
		// is left is due at the next run).
		int chunk = settings.settleChunk();
		for (int round = 0; chunk == settings.settleChunk() && round < 10_000; round++) {
			chunk = settleChunk(programId, now);
			total += chunk;
		}
		if (total > 0) {
			log.info("Settled {} member(s) of programme {}", total, programId);
		}
		return total;
	}

	/** The programme's next local midnight after {@code now}: when its midnight job runs. */
	public static Instant nextMidnight(Instant now, ZoneId zone) {
		return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
	}

	private int settleChunk(String programId, Instant now) {
		return transactions.inTransaction(() -> {
			List<String> due = accounts.due(programId, now, settings.settleChunk());
			if (due.isEmpty()) {
				return 0;
			}
			var work = books.begin();
			List<MemberAccount> locked = accounts.lockExisting(programId, due.stream().sorted().toList());
			work.loaded(programId, locked.stream().map(MemberAccount::memberId).toList());
			for (MemberAccount account : locked) {
				if (account.mergedInto != null) {
					// Its lots moved with the merge; nothing of a merged account can fall due again.
					account.nextDueAt = null;
					work.changes.touched(account);
				}
				else if (account.isDue(now)) {
					Settlement.settle(work.changes, account, work.lots(account), now);
				}
			}
			work.flush();
			return due.size();
		});
	}
}
