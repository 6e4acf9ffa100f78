package io.philia.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.philia.ledger.Account;
import io.philia.ledger.Cause;
import io.philia.ledger.Movement.Kind;

/**
 * What falls due by itself: pending points whose return window closed become available, and points
 * whose last day passed expire to the programme's expiry account. Each release and each expiry is an
 * entry dated when it took effect (the window's end, the midnight after the last day), even when the job
 * that books it runs later, so that a catch-up after downtime lands in the right period of the reports.
 * Running it again books nothing more: what it booked is no longer due.
 */
final class Settlement {

	private Settlement() {
	}

	/**
	 * Settles one locked account over its open lots (all of them: the next due time is then exact). The
	 * lots list is the account's; closed lots stay in it.
	 */
	static void settle(Changes c, MemberAccount a, List<LotRow> lots, Instant now) {
		Map<Instant, List<LotRow>> releases = new TreeMap<>();
		for (LotRow lot : lots) {
			if (lot.releasableAt(now)) {
				releases.computeIfAbsent(lot.availableAt, at -> new ArrayList<>()).add(lot);
			}
		}
		releases.forEach((at, due) -> release(c, a, due, at));
		Map<Instant, List<LotRow>> expiries = new TreeMap<>();
		for (LotRow lot : lots) {
			if (lot.expiredAt(a, now)) {
				expiries.computeIfAbsent(lot.expiry(a), at -> new ArrayList<>()).add(lot);
			}
		}
		expiries.forEach((at, due) -> expire(c, a, due, at));
		a.nextDueAt = Lots.nextDue(lots, a);
		c.touched(a);
	}

	private static void release(Changes c, MemberAccount a, List<LotRow> due, Instant at) {
		Entry e = c.entry(a, Kind.RELEASE, at, new Cause("release", null, null));
		long points = 0;
		for (LotRow lot : due) {
			lot.pending = false;
			lot.dirty = true;
			c.touched(lot);
			points += lot.remaining;
		}
		a.pending -= points;
		e.pending = -points;
		e.post(Account.MEMBER_PENDING, -points);
		Bookings.creditAvailable(e, a, due, points);
		c.close(e, a);
	}

	private static void expire(Changes c, MemberAccount a, List<LotRow> due, Instant at) {
		long points = due.stream().mapToLong(lot -> lot.remaining).sum();
		if (points == 0) {
			return;
		}
		Entry e = c.entry(a, Kind.EXPIRY, at, new Cause("expiry", null, null));
		// Lots nothing else changed in this work expire in one statement per member and date, not one per
		// lot: a million lots then take a tenth of the statements.
		boolean asGroup = due.stream().noneMatch(lot -> lot.dirty || lot.fresh || lot.onInactivity);
		if (asGroup) {
			c.expiredTogether(e, at, due.size());
		}
		for (LotRow lot : due) {
			lot.expired += lot.remaining;
			lot.remaining = 0;
			lot.expiryEntryId = e.id;
			if (!asGroup) {
				lot.dirty = true;
				c.touched(lot);
			}
		}
		a.available -= points;
		e.points = -points;
		e.post(Account.MEMBER_AVAILABLE, -points);
		e.post(Account.PROGRAMME_EXPIRED, points);
		c.close(e, a);
	}
}
