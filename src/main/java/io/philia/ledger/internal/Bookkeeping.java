package io.philia.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.philia.ledger.Attribution;
import io.philia.ledger.Availability;
import io.philia.ledger.Balance;
import io.philia.ledger.Cause;
import io.philia.ledger.LedgerProblems;
import io.philia.ledger.Movement;
import io.philia.ledger.Movement.Kind;
import io.philia.ledger.PointsSummary;
import io.philia.platform.PhiliaException;
import io.philia.program.DebtPolicy;
import io.philia.program.PointsTerms;

/**
 * The ledger's operations on one member: lock, settle what is due, book, write. Balance reads project
 * what is due instead of waiting for the jobs.
 */
@Component
public class Bookkeeping {

	private final Books books;

	private final AccountStore accounts;

	private final LotStore lots;

	private final JournalStore journal;

	private final Clock clock;

	private final BalanceCache cache;

	Bookkeeping(Books books, AccountStore accounts, LotStore lots, JournalStore journal, Clock clock,
			BalanceCache cache) {
		this.books = books;
		this.accounts = accounts;
		this.lots = lots;
		this.journal = journal;
		this.clock = clock;
		this.cache = cache;
	}

	public Movement earn(String programId, String memberId, long points, Cause cause, List<Attribution> explanation,
			PointsTerms terms, Availability availability) {
		var work = books.begin();
		MemberAccount account = work.lock(programId, memberId);
		Entry entry = Bookings.earn(work.changes, account, points, cause, explanation, terms, availability,
				clock.instant());
		// No lots are read: the new lot is all an earning touches, even the debt of a member in debt. Its
		// rows go with the commit, batched with the micro-batch's other earnings (issue #3).
		work.flushLater();
		return entry.movement();
	}

	public Movement clawBack(String programId, String memberId, long points, Cause cause, String correctsEntryId,
			DebtPolicy debt) {
		var work = books.begin();
		MemberAccount account = work.lock(programId, memberId);
		List<LotRow> open = work.lots(account);
		LotRow own = correctsEntryId == null ? null
				: open.stream().filter(lot -> lot.id.equals(correctsEntryId)).findFirst().orElse(null);
		Entry entry = Bookings.clawBack(work.changes, account, open, own, points, cause, correctsEntryId, debt,
				clock.instant());
		work.flush();
		return entry.movement();
	}

	public Movement adjust(String programId, String memberId, long points, String reason, String actor,
			PointsTerms terms) {
		var work = books.begin();
		MemberAccount account = work.lock(programId, memberId);
		long after = account.available + points;
		if (points < 0 && after < 0) {
			throw insufficient(account, "The member has " + account.available + " available points; an adjustment of "
					+ points + " would leave " + after);
		}
		Entry entry = Bookings.adjust(work.changes, account, work.lots(account), points, reason, actor, terms,
				clock.instant());
		work.flush();
		return entry.movement();
	}

	public Movement spend(String programId, String memberId, long points, Cause cause, PointsTerms terms) {
		var work = books.begin();
		MemberAccount account = work.lock(programId, memberId);
		if (account.available < points) {
			throw insufficient(account, "The member has " + Math.max(0, account.available) + " available points; "
					+ points + " are needed");
		}
		Entry entry = Bookings.spend(work.changes, account, work.lots(account), points, cause, terms, clock.instant());
		work.flush();
		return entry.movement();
	}

	public Movement restore(String programId, String memberId, long points, Cause cause, String spendEntryId,
			PointsTerms terms) {
		var work = books.begin();
		MemberAccount account = work.lock(programId, memberId);
		List<Map.Entry<LotRow, Long>> taken = List.of();
		long restored = 0;
		if (spendEntryId != null) {
			var spend = journal.facts(programId, spendEntryId)
				.filter(f -> f.kind() == Kind.SPEND && f.memberId().equals(memberId))
				.orElseThrow(() -> new PhiliaException(LedgerProblems.SPEND_UNKNOWN,
						"Member " + memberId + " has no spend " + spendEntryId));
			restored = journal.restoredOf(programId, spendEntryId);
			long restorable = -spend.points() - restored;
			if (points > restorable) {
				throw new PhiliaException(LedgerProblems.RESTORE_EXCEEDS_SPEND, "Spend " + spendEntryId + " took "
						+ -spend.points() + " points and " + restored + " were restored already; " + points
						+ " more cannot be", Map.of("restorable", restorable));
			}
			taken = taken(work, programId, account, spendEntryId);
		}
		Entry entry = Bookings.restore(work.changes, account, taken, restored, points, cause, spendEntryId, terms,
				clock.instant());
		work.flush();
		return entry.movement();
	}

	public Instant startReturnWindow(String programId, String memberId, String earnEntryId, Instant closesAt) {
		var work = books.begin();
		MemberAccount account = work.lock(programId, memberId);
		LotRow lot = work.lots(account).stream().filter(l -> l.id.equals(earnEntryId)).findFirst().orElse(null);
		if (lot == null || !lot.pending) {
			return null;
		}
		if (lot.availableAt != null && !closesAt.isBefore(lot.availableAt)) {
			// Released already by the deadline for fulfilment, or at the latest then: a late fulfilment
			// never holds points back longer.
			return lot.availableAt;
		}
		lot.availableAt = closesAt;
		lot.dirty = true;
		work.changes.touched(lot);
		work.changes.touched(account);
		account.dueNoLaterThan(closesAt);
		if (account.isDue(clock.instant())) {
			Settlement.settle(work.changes, account, work.lots(account), clock.instant());
		}
		work.flush();
		return closesAt;
	}

	public Balance balance(String programId, String memberId) {
		return accounts.read(programId, memberId).map(account -> {
			Instant now = clock.instant();
			if (account.isDue(now)) {
				Settlement.settle(new Changes(clock), account, lots.open(programId, memberId), now);
			}
			return new Balance(account.available, account.pending, account.lifetimeEarned);
		}).orElse(Balance.ZERO);
	}

	/** The member's points view; empty if the member has no balance row (never had points). */
	public Optional<PointsSummary> summary(String programId, String memberId, ZoneId zone) {
		return cache.summary(programId, memberId, clock.instant(),
				() -> lots.accountWithOpenLots(programId, memberId).map(read -> {
					PointsSummary summary = summary(read.account(), read.open(), zone);
					// Settled in memory, the account's next due time is exact: the view holds until then.
					return new BalanceCache.Read(summary, read.account().nextDueAt);
				}));
	}

	private PointsSummary summary(MemberAccount account, List<LotRow> open, ZoneId zone) {
		Settlement.settle(new Changes(clock), account, open, clock.instant());
		Map<LocalDate, Long> byDay = new TreeMap<>();
		Map<Instant, Long> releases = new TreeMap<>();
		long awaiting = 0;
		long inactive = 0;
		for (LotRow lot : open) {
			if (!lot.isOpen()) {
				continue;
			}
			if (lot.pending && lot.availableAt == null) {
				awaiting += lot.remaining;
			}
			else if (lot.pending) {
				releases.merge(lot.availableAt, lot.remaining, Long::sum);
			}
			// Pending points expire on their day too, once available: the member is told now.
			if (lot.onInactivity) {
				inactive += lot.remaining;
			}
			else if (lot.expiresOn != null) {
				byDay.merge(lot.expiresOn, lot.remaining, Long::sum);
			}
		}
		var expiring = new ArrayList<PointsSummary.Expiring>();
		byDay.forEach((day, points) -> expiring.add(new PointsSummary.Expiring(points, day, null)));
		if (inactive > 0 && account.inactivityDeadline != null) {
			LocalDate lastDay = LocalDate.ofInstant(account.inactivityDeadline, zone).minusDays(1);
			expiring.add(new PointsSummary.Expiring(inactive, lastDay, true));
			expiring.sort(Comparator.comparing(PointsSummary.Expiring::on));
		}
		var upcoming = new ArrayList<PointsSummary.Release>();
		releases.forEach((at, points) -> upcoming.add(new PointsSummary.Release(points, at)));
		return new PointsSummary(account.available, account.pending, account.lifetimeEarned,
				expiring.isEmpty() ? null : expiring, upcoming.isEmpty() ? null : upcoming,
				awaiting == 0 ? null : awaiting);
	}

	/** The lots a spend took points from and how many from each, in the order it took them. */
	private List<Map.Entry<LotRow, Long>> taken(Books.Work work, String programId, MemberAccount account,
			String spendEntryId) {
		Map<String, Long> consumed = lots.consumedBy(programId, spendEntryId);
		var spent = new ArrayList<LotRow>();
		var closed = new ArrayList<String>();
		var open = work.lots(account);
		for (String id : consumed.keySet()) {
			open.stream().filter(lot -> lot.id.equals(id)).findFirst().ifPresentOrElse(spent::add, () -> closed.add(id));
		}
		// Lots the spend emptied are not among the open ones: read once, then part of this work.
		spent.addAll(lots.find(programId, closed));
		return spent.stream()
			.sorted(Comparator.comparing((LotRow lot) -> lot.expiry(account), Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(lot -> lot.earnedAt)
				.thenComparing(lot -> lot.id))
			.map(lot -> Map.entry(lot, consumed.get(lot.id)))
			.toList();
	}

	private static PhiliaException insufficient(MemberAccount account, String detail) {
		return new PhiliaException(LedgerProblems.INSUFFICIENT_POINTS, detail,
				Map.of("available", Math.max(0, account.available)));
	}
}
