package io.philia.ledger.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.philia.ledger.Account;
import io.philia.ledger.Attribution;
import io.philia.ledger.Availability;
import io.philia.ledger.Cause;
import io.philia.ledger.Movement.Kind;
import io.philia.program.DebtPolicy;
import io.philia.program.PointsTerms;

/**
 * The bookings of one member's points, each one journal entry: what it posts (member against house, so
 * it sums to zero), which lots it credits or takes from, and the member's balance after it. Pure
 * arithmetic over a locked account and its lots; the caller writes the {@link Changes}.
 */
final class Bookings {

	private Bookings() {
	}

	static Entry earn(Changes c, MemberAccount a, long points, Cause cause, List<Attribution> explanation,
			PointsTerms terms, Availability availability, Instant now) {
		a.mayReceive(points, points);
		Entry e = c.entry(a, Kind.EARN, now, cause);
		e.explanation = explanation;
		boolean pending = availability.pendingAt(now);
		LotRow lot = Lots.fresh(c, a, e.id, e.id, points, pending, pending ? availability.at() : null, now, terms);
		if (pending) {
			a.pending += points;
			e.pending = points;
			e.post(Account.MEMBER_PENDING, points);
			e.availableAt = availability.at();
		}
		else {
			creditAvailable(e, a, List.of(lot), points);
		}
		e.post(Account.PROGRAMME_ISSUED, -points);
		e.expiresOn = lot.expiresOn;
		a.lifetimeEarned += points;
		a.active(now, terms);
		c.close(e, a);
		return e;
	}

	/**
	 * Takes back points an order earned: from its own lot while it is pending (the available points stay
	 * untouched), else from what is available, the order's lot first. Points already spent go below zero
	 * down to the debt policy's limit; the rest is the shortfall.
	 */
	static Entry clawBack(Changes c, MemberAccount a, List<LotRow> lots, LotRow own, long points, Cause cause,
			String corrects, DebtPolicy debt, Instant now) {
		Entry e = c.entry(a, Kind.CLAWBACK, now, cause);
		e.corrects = corrects;
		long left = points;
		if (own != null && own.pending && own.isOpen()) {
			long taken = Math.min(left, own.remaining);
			e.consume(own, taken);
			a.pending -= taken;
			e.pending = -taken;
			e.post(Account.MEMBER_PENDING, -taken);
			left -= taken;
		}
		if (left > 0) {
			long allowed = Math.max(0, a.available + debt.allowedDebt());
			long taken = Math.min(left, allowed);
			var order = new ArrayList<LotRow>();
			if (own != null && !own.pending && own.isOpen()) {
				order.add(own);
			}
			Lots.spendingOrder(lots, a).stream().filter(lot -> lot != own).forEach(order::add);
			Lots.take(e, order, Math.min(taken, Math.max(0, a.available)));
			a.available -= taken;
			e.points = -taken;
			e.post(Account.MEMBER_AVAILABLE, -taken);
			e.shortfall = left - taken;
		}
		e.post(Account.PROGRAMME_ISSUED, points - e.shortfall);
		a.lifetimeEarned -= points;
		c.close(e, a);
		return e;
	}

	/** A manual correction: a credit is a new lot, a debit takes lots like a spend. */
	static Entry adjust(Changes c, MemberAccount a, List<LotRow> lots, long points, String reason, String actor,
			PointsTerms terms, Instant now) {
		Entry e = c.entry(a, Kind.ADJUSTMENT, now, Cause.adjustment());
		e.reason = reason;
		e.actor = actor;
		if (points > 0) {
			LotRow lot = Lots.fresh(c, a, e.id, e.id, points, false, null, now, terms);
			creditAvailable(e, a, List.of(lot), points);
		}
		else {
			Lots.take(e, Lots.spendingOrder(lots, a), -points);
			a.available += points;
			e.points = points;
			e.post(Account.MEMBER_AVAILABLE, points);
		}
		e.post(Account.PROGRAMME_ADJUSTMENTS, -points);
		c.close(e, a);
		return e;
	}

	static Entry spend(Changes c, MemberAccount a, List<LotRow> lots, long points, Cause cause, PointsTerms terms,
			Instant now) {
		Entry e = c.entry(a, Kind.SPEND, now, cause);
		Lots.take(e, Lots.spendingOrder(lots, a), points);
		a.available -= points;
		e.points = -points;
		e.post(Account.MEMBER_AVAILABLE, -points);
		e.post(Account.PROGRAMME_REDEEMED, points);
		a.active(now, terms);
		c.close(e, a);
		return e;
	}

	/**
	 * Gives back points a spend took, to the lots it took them from and with their expiry, in the order
	 * the spend took them; points whose lot has expired meanwhile come back in a new lot with the expiry of
	 * points earned today, so that a cancelled redemption never hands back points that vanish at the next
	 * midnight.
	 */
	static Entry restore(Changes c, MemberAccount a, List<Map.Entry<LotRow, Long>> taken, long alreadyRestored,
			long points, Cause cause, String spendEntryId, PointsTerms terms, Instant now) {
		Entry e = c.entry(a, Kind.RESTORE, now, cause);
		e.corrects = spendEntryId;
		long skip = alreadyRestored;
		long left = points;
		var credited = new ArrayList<LotRow>();
		long fresh = 0;
		for (var part : taken) {
			long portion = part.getValue();
			long skipped = Math.min(skip, portion);
			skip -= skipped;
			long back = Math.min(left, portion - skipped);
			if (back <= 0) {
				continue;
			}
			LotRow lot = part.getKey();
			if (lot.expiryEntryId == null && (lot.expiresAt == null || lot.expiresAt.isAfter(now))) {
				e.consume(lot, -back);
				credited.add(lot);
			}
			else {
				fresh += back;
			}
			left -= back;
		}
		fresh += left;
		if (fresh > 0) {
			credited.add(Lots.fresh(c, a, e.id, e.id, fresh, false, null, now, terms));
		}
		credited.forEach(lot -> a.dueNoLaterThan(lot.dueAt(a)));
		creditAvailable(e, a, credited, points);
		e.post(Account.PROGRAMME_REDEEMED, -points);
		a.active(now, terms);
		c.close(e, a);
		return e;
	}

	/** Credits available points already placed in lots; a member in debt pays it back from them first. */
	static void creditAvailable(Entry e, MemberAccount a, List<LotRow> credited, long points) {
		a.mayReceive(points, 0);
		long debt = a.debt();
		a.available += points;
		e.points += points;
		e.post(Account.MEMBER_AVAILABLE, points);
		if (debt > 0) {
			Lots.repay(e, debt, credited, points);
		}
	}
}
