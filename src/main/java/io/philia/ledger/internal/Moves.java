package io.philia.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.philia.ledger.Account;
import io.philia.ledger.Balance;
import io.philia.ledger.Cause;
import io.philia.ledger.LedgerProblems;
import io.philia.ledger.Merge;
import io.philia.ledger.Movement.Kind;
import io.philia.ledger.Transfer;
import io.philia.platform.Ids;
import io.philia.platform.PhiliaException;
import io.philia.program.PointsTerms;

/**
 * Points moving between two members: transfers and account merges. Both lock the two balance rows in
 * member id order (two transfers between the same members in opposite directions cannot deadlock) and
 * post one entry per member against the clearing account, so every entry concerns one member.
 */
@Component
public class Moves {

	private final Books books;

	private final LotStore lots;

	private final JdbcClient jdbc;

	private final Clock clock;

	Moves(Books books, LotStore lots, JdbcClient jdbc, Clock clock) {
		this.books = books;
		this.lots = lots;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A programme's limits on what its members send and receive, checked under both accounts' locks. */
	@FunctionalInterface
	public interface TransferLimitsCheck {

		/** Refuses the transfer between these accounts (merged ones followed to their survivors) if over a limit. */
		void check(String fromId, String toId);
	}

	public Transfer transfer(String programId, String fromId, String toId, long points, String reason, String actor,
			PointsTerms terms, TransferLimitsCheck limits) {
		var work = books.begin();
		MemberAccount[] both = work.lockBoth(programId, fromId, toId);
		MemberAccount from = both[0];
		MemberAccount to = both[1];
		// Each lock gives its own copy of the row: one account, reached through a merge, is two objects.
		if (from.memberId.equals(to.memberId)) {
			throw new PhiliaException(LedgerProblems.SAME_MEMBER, "Both members are one account (merged)");
		}
		if (from.available < points) {
			throw new PhiliaException(LedgerProblems.INSUFFICIENT_POINTS, "The member has " + Math.max(0, from.available)
					+ " available points; " + points + " cannot be transferred", Map.of("available", Math.max(0, from.available)));
		}
		limits.check(from.memberId, to.memberId);
		Instant now = clock.instant();
		Changes c = work.changes;
		Entry out = c.entry(from, Kind.TRANSFER_OUT, now, new Cause("transfer", to.memberId, null));
		Entry in = c.entry(to, Kind.TRANSFER_IN, now, new Cause("transfer", from.memberId, null));
		out.reason = in.reason = reason;
		out.actor = in.actor = actor;
		List<LotRow> order = Lots.spendingOrder(work.lots(from), from);
		Lots.take(out, order, points);
		from.available -= points;
		out.points = -points;
		out.post(Account.MEMBER_AVAILABLE, -points);
		out.post(Account.PROGRAMME_TRANSFERS, points);
		from.active(now, terms);
		c.close(out, from);
		// The recipient's lots mirror the sender's, expiry dates kept.
		var credited = new ArrayList<LotRow>();
		int part = 0;
		for (var taken : out.consumed.entrySet()) {
			String id = part++ == 0 ? in.id : Ids.next(clock);
			credited.add(Lots.copy(c, to, taken.getKey(), id, in.id, taken.getValue(), now));
		}
		Bookings.creditAvailable(in, to, credited, points);
		in.post(Account.PROGRAMME_TRANSFERS, -points);
		to.active(now, terms);
		c.close(in, to);
		work.flush();
		return new Transfer(from.memberId, to.memberId, points, out.movement(), in.movement());
	}

	/**
	 * Moves everything of the absorbed account to the survivor: its lots (open or not, with their dates),
	 * its available and pending points, its debt. The absorbed account is left empty and points to the
	 * survivor, whose history then includes the absorbed account's.
	 */
	public Merge merge(String programId, String survivorId, String absorbedId, long allowedDebt, String reason,
			String actor) {
		var work = books.begin();
		MemberAccount[] both = work.lockBoth(programId, survivorId, absorbedId);
		MemberAccount survivor = both[0];
		MemberAccount absorbed = both[1];
		if (survivor.memberId.equals(absorbed.memberId) || absorbed.mergedInto != null) {
			throw new PhiliaException(LedgerProblems.MEMBER_MERGED, "The accounts are already one");
		}
		long combined = survivor.available + absorbed.available;
		if (combined < Math.min(-allowedDebt, Math.min(survivor.available, absorbed.available))) {
			throw new PhiliaException(LedgerProblems.MERGE_DEBT_BEYOND_LIMIT, "Together the accounts would owe "
					+ -combined + " points; the programme allows " + allowedDebt, Map.of("debt", -combined));
		}
		survivor.mayReceive(Math.max(0, absorbed.available) + absorbed.pending, absorbed.lifetimeEarned);
		// What the locks settled is written first: its expiries name lots by member, and the lots move next.
		work.flush();
		Instant now = clock.instant();
		Changes c = work.changes;
		List<LotRow> absorbedLots = work.lots(absorbed);
		List<LotRow> survivorLots = work.lots(survivor);
		int moved = jdbc.sql("select count(*) from point_lot where program_id = ? and member_id = ?")
			.params(programId, absorbed.memberId)
			.query(Integer.class)
			.single();
		lots.move(programId, absorbed.memberId, survivor.memberId);
		absorbedLots.forEach(lot -> lot.memberId = survivor.memberId);
		survivorLots.addAll(absorbedLots);

		long available = absorbed.available;
		long pending = absorbed.pending;
		Entry out = c.entry(absorbed, Kind.MERGE_OUT, now, new Cause("merge", survivor.memberId, null));
		out.reason = reason;
		out.actor = actor;
		absorbed.available = 0;
		absorbed.pending = 0;
		out.points = -available;
		out.pending = -pending;
		out.post(Account.MEMBER_AVAILABLE, -available);
		out.post(Account.MEMBER_PENDING, -pending);
		out.post(Account.PROGRAMME_TRANSFERS, available + pending);
		c.close(out, absorbed);

		Entry in = c.entry(survivor, Kind.MERGE_IN, now, new Cause("merge", absorbed.memberId, null));
		in.reason = reason;
		in.actor = actor;
		survivor.available += available;
		survivor.pending += pending;
		in.points = available;
		in.pending = pending;
		in.post(Account.MEMBER_AVAILABLE, available);
		in.post(Account.MEMBER_PENDING, pending);
		in.post(Account.PROGRAMME_TRANSFERS, -(available + pending));
		// One account's debt is paid back from the other's lots: open lots add up to what can be spent.
		long open = survivorLots.stream().filter(l -> l.isOpen() && !l.pending).mapToLong(l -> l.remaining).sum();
		Lots.take(in, Lots.spendingOrder(survivorLots, survivor), open - Math.max(0, survivor.available));
		c.close(in, survivor);

		survivor.lifetimeEarned += absorbed.lifetimeEarned;
		absorbed.lifetimeEarned = 0;
		if (absorbed.inactivityDeadline != null && (survivor.inactivityDeadline == null
				|| absorbed.inactivityDeadline.isAfter(survivor.inactivityDeadline))) {
			survivor.inactivityDeadline = absorbed.inactivityDeadline;
			survivor.inactivityMonths = absorbed.inactivityMonths;
		}
		survivor.nextDueAt = Lots.nextDue(survivorLots, survivor);
		absorbed.nextDueAt = null;
		absorbed.inactivityDeadline = null;
		absorbed.mergedInto = survivor.memberId;
		c.touched(survivor);
		c.touched(absorbed);
		// Merges of merges: whoever was merged into the absorbed account now also belongs to the survivor.
		jdbc.sql("""
				insert into member_merge (program_id, survivor_id, absorbed_id, merged_at)
				select program_id, ?, absorbed_id, merged_at from member_merge where program_id = ? and survivor_id = ?""")
			.params(survivor.memberId, programId, absorbed.memberId)
			.update();
		jdbc.sql("insert into member_merge (program_id, survivor_id, absorbed_id, merged_at) values (?, ?, ?, ?)")
			.params(programId, survivor.memberId, absorbed.memberId, Rows.utc(now))
			.update();
		work.flush();
		return new Merge(survivor.memberId, absorbed.memberId, available, pending, moved,
				new Balance(survivor.available, survivor.pending, survivor.lifetimeEarned));
	}
}
