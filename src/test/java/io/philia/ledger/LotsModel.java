package io.philia.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The points lifecycle as plain arithmetic, for the property test: lots with their pending state and
 * expiry, spent first-expiring-first, released and expired by time, debts paid back from what is
 * credited. Written from the rules, not from the ledger's code.
 */
final class LotsModel {

	static final ZoneId ZONE = ZoneId.of("Europe/Paris");

	final int expiryMonths;

	final long debtLimit;

	private long sequence;

	LotsModel(int expiryMonths, long debtLimit) {
		this.expiryMonths = expiryMonths;
		this.debtLimit = debtLimit;
	}

	static final class Lot {

		final long seq;

		long remaining;

		boolean pending;

		Instant availableAt;

		final Instant expiresAt;

		boolean expired;

		Lot(long seq, long remaining, boolean pending, Instant availableAt, Instant expiresAt) {
			this.seq = seq;
			this.remaining = remaining;
			this.pending = pending;
			this.availableAt = availableAt;
			this.expiresAt = expiresAt;
		}
	}

	static final class Member {

		final String customer;

		String id;

		long available;

		long pending;

		final List<Lot> lots = new ArrayList<>();

		Member mergedInto;

		Member(String customer) {
			this.customer = customer;
		}

		Member current() {
			return mergedInto == null ? this : mergedInto.current();
		}
	}

	/** A lot earned now; pending until {@code availableAt} when there is one. */
	Lot earn(Member m, long points, Instant availableAt, Instant now) {
		Lot lot = new Lot(sequence++, points, availableAt != null, availableAt, expiry(now));
		m.lots.add(lot);
		if (lot.pending) {
			m.pending += points;
		}
		else {
			credit(m, List.of(lot), points);
		}
		return lot;
	}

	Instant expiry(Instant now) {
		return LocalDate.ofInstant(now, ZONE).plusMonths(expiryMonths).plusDays(1).atStartOfDay(ZONE).toInstant();
	}

	void settle(Member m, Instant now) {
		m.lots.stream()
			.filter(l -> l.remaining > 0 && l.pending && !l.availableAt.isAfter(now))
			.sorted(Comparator.comparing((Lot l) -> l.availableAt))
			.toList()
			.forEach(l -> {
				l.pending = false;
				m.pending -= l.remaining;
				credit(m, List.of(l), l.remaining);
			});
		for (Lot l : m.lots) {
			if (l.remaining > 0 && !l.pending && !l.expiresAt.isAfter(now)) {
				m.available -= l.remaining;
				l.remaining = 0;
				l.expired = true;
			}
		}
	}

	/** Lots in spending order: soonest expiry first, then the order they were credited in. */
	static List<Lot> spendingOrder(Member m) {
		return m.lots.stream()
			.filter(l -> l.remaining > 0 && !l.pending)
			.sorted(Comparator.comparing((Lot l) -> l.expiresAt).thenComparing(l -> l.seq))
			.toList();
	}

	/** Takes points in spending order; returns what each lot gave. */
	static List<Map.Entry<Lot, Long>> take(List<Lot> order, long points) {
		var taken = new ArrayList<Map.Entry<Lot, Long>>();
		long left = points;
		for (Lot l : order) {
			if (left == 0) {
				break;
			}
			long t = Math.min(left, l.remaining);
			if (t > 0) {
				l.remaining -= t;
				left -= t;
				taken.add(Map.entry(l, t));
			}
		}
		return taken;
	}

	/** Available points credited to lots already holding them; a debt is paid back from them first. */
	static void credit(Member m, List<Lot> credited, long points) {
		long debt = Math.max(0, -m.available);
		m.available += points;
		long repay = Math.min(debt, points);
		for (Lot l : credited) {
			long t = Math.min(repay, l.remaining);
			l.remaining -= t;
			repay -= t;
		}
	}

	/** Takes back an order's points: its pending lot first, else what is available down to the debt limit. */
	long[] clawBack(Member m, Lot own, long points) {
		long left = points;
		if (own != null && own.pending && own.remaining > 0) {
			long t = Math.min(left, own.remaining);
			own.remaining -= t;
			m.pending -= t;
			left -= t;
		}
		long taken = 0;
		if (left > 0) {
			taken = Math.min(left, Math.max(0, m.available + debtLimit));
			var order = new ArrayList<Lot>();
			if (own != null && !own.pending && own.remaining > 0) {
				order.add(own);
			}
			spendingOrder(m).stream().filter(l -> l != own).forEach(order::add);
			take(order, Math.min(taken, Math.max(0, m.available)));
			m.available -= taken;
		}
		return new long[] { points - (left - taken), left - taken };
	}

	List<Map.Entry<Lot, Long>> spend(Member m, long points) {
		m.available -= points;
		return take(spendingOrder(m), points);
	}

	void restore(Member m, List<Map.Entry<Lot, Long>> taken, long alreadyRestored, long points, Instant now) {
		long skip = alreadyRestored;
		long left = points;
		long fresh = 0;
		var credited = new ArrayList<Lot>();
		for (var part : taken) {
			long skipped = Math.min(skip, part.getValue());
			skip -= skipped;
			long back = Math.min(left, part.getValue() - skipped);
			if (back <= 0) {
				continue;
			}
			Lot l = part.getKey();
			if (!l.expired && l.expiresAt.isAfter(now)) {
				l.remaining += back;
				credited.add(l);
			}
			else {
				fresh += back;
			}
			left -= back;
		}
		fresh += left;
		if (fresh > 0) {
			Lot lot = new Lot(sequence++, fresh, false, null, expiry(now));
			m.lots.add(lot);
			credited.add(lot);
		}
		credit(m, credited, points);
	}

	void transfer(Member from, Member to, long points) {
		from.available -= points;
		var copies = new ArrayList<Lot>();
		for (var part : take(spendingOrder(from), points)) {
			Lot copy = new Lot(sequence++, part.getValue(), false, null, part.getKey().expiresAt);
			to.lots.add(copy);
			copies.add(copy);
		}
		credit(to, copies, points);
	}

	/** Merges {@code absorbed} into {@code survivor}; false when the debt together would pass the limit. */
	boolean merge(Member survivor, Member absorbed) {
		long combined = survivor.available + absorbed.available;
		if (combined < Math.min(-debtLimit, Math.min(survivor.available, absorbed.available))) {
			return false;
		}
		survivor.lots.addAll(absorbed.lots);
		absorbed.lots.clear();
		survivor.available = combined;
		survivor.pending += absorbed.pending;
		absorbed.available = 0;
		absorbed.pending = 0;
		absorbed.mergedInto = survivor;
		long open = spendingOrder(survivor).stream().mapToLong(l -> l.remaining).sum();
		take(spendingOrder(survivor), open - Math.max(0, survivor.available));
		return true;
	}

	/** True if something falls due within a minute of this instant (the test never stands that close). */
	boolean dueNear(List<Member> members, Instant at) {
		for (Member m : members) {
			for (Lot l : m.lots) {
				if (l.remaining > 0 && (near(l.availableAt, at) || near(l.expiresAt, at))) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean near(Instant due, Instant at) {
		return due != null && Math.abs(due.getEpochSecond() - at.getEpochSecond()) < 60;
	}
}
