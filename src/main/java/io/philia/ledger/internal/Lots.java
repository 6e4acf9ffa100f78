package io.philia.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.philia.program.ExpiryPolicy;
import io.philia.program.PointsTerms;

/**
 * How points are taken from lots and given to new ones. Spending takes lots first-expiring-first, not
 * oldest-first: members lose fewer points and finance's breakage stays honest.
 */
final class Lots {

	private Lots() {
	}

	/** A new lot of points credited now, with the expiry its terms give points earned today. */
	static LotRow fresh(Changes changes, MemberAccount account, String id, String entryId, long points, boolean pending,
			Instant availableAt, Instant now, PointsTerms terms) {
		ExpiryPolicy expiry = terms.expiry();
		LocalDate lastDay = expiry.lastDay(LocalDate.ofInstant(now, terms.zone()));
		var lot = new LotRow(account.programId, id, account.memberId, entryId, points, points, pending, now,
				availableAt, lastDay == null ? null : ExpiryPolicy.expiresAt(lastDay, terms.zone()), lastDay,
				expiry.byInactivity(), 0, null);
		return added(changes, account, lot);
	}

	/** A new lot holding points that keep the expiry of the lot they came from (a transfer received). */
	static LotRow copy(Changes changes, MemberAccount account, LotRow source, String id, String entryId, long points,
			Instant now) {
		var lot = new LotRow(account.programId, id, account.memberId, entryId, points, points, false, now, null,
				source.expiresAt, source.expiresOn, source.onInactivity, 0, null);
		return added(changes, account, lot);
	}

	private static LotRow added(Changes changes, MemberAccount account, LotRow lot) {
		lot.fresh = true;
		changes.created(lot);
		account.dueNoLaterThan(lot.dueAt(account));
		return lot;
	}

	/** The member's available lots in the order they are spent: soonest expiry first, never-expiring last. */
	static List<LotRow> spendingOrder(List<LotRow> lots, MemberAccount account) {
		return lots.stream()
			.filter(lot -> lot.isOpen() && !lot.pending)
			.sorted(Comparator.comparing((LotRow lot) -> lot.expiry(account), Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(lot -> lot.earnedAt)
				.thenComparing(lot -> lot.id))
			.toList();
	}

	/** Takes up to {@code points} from the lots in their order; returns how many it took. */
	static long take(Entry entry, List<LotRow> ordered, long points) {
		long left = points;
		for (LotRow lot : ordered) {
			if (left == 0) {
				break;
			}
			long taken = Math.min(left, lot.remaining);
			entry.consume(lot, taken);
			left -= taken;
		}
		return points - left;
	}

	/**
	 * Points just credited to a member in debt first pay the debt back: they leave the lots they were
	 * credited to, so that the open lots always add up to what the member can spend.
	 */
	static void repay(Entry entry, long debtBefore, List<LotRow> credited, long credit) {
		long repay = Math.min(debtBefore, credit);
		for (LotRow lot : credited) {
			if (repay == 0) {
				return;
			}
			long taken = Math.min(repay, lot.remaining);
			entry.consume(lot, taken);
			repay -= taken;
		}
	}

	/** The earliest moment anything of these lots falls due (exact, unlike the account's running bound). */
	static Instant nextDue(List<LotRow> lots, MemberAccount account) {
		Instant next = null;
		for (LotRow lot : lots) {
			Instant due = lot.dueAt(account);
			if (due != null && (next == null || due.isBefore(next))) {
				next = due;
			}
		}
		return next;
	}
}
