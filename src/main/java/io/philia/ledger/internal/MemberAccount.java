package io.philia.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import io.philia.ledger.LedgerProblems;
import io.philia.ledger.PointsLedger;
import io.philia.platform.PhiliaException;
import io.philia.program.ExpiryPolicy;
import io.philia.program.PointsTerms;

/**
 * A member's balance row while a transaction holds its lock: the available (negative only in debt) and
 * pending points, and when something of theirs falls due. Every change of a member's lots happens under
 * this lock, which is what makes lot changes safe without locking the lots themselves.
 *
 * <p>{@code nextDueAt} is a lower bound: the earliest moment a pending lot may be released or a lot may
 * expire. Earning only ever lowers it, so the hot path needs no look at the member's other lots; a
 * settlement that finds nothing due sets it exactly.
 */
public final class MemberAccount {

	final String programId;

	final String memberId;

	long available;

	long pending;

	long lifetimeEarned;

	Instant nextDueAt;

	/** Months of the inactivity rule the member's points follow (null: none). */
	Integer inactivityMonths;

	/** When, without activity, the member's points under the inactivity rule expire. */
	Instant inactivityDeadline;

	String mergedInto;

	boolean dirty;

	MemberAccount(String programId, String memberId, long available, long pending, long lifetimeEarned,
			Instant nextDueAt, Integer inactivityMonths, Instant inactivityDeadline, String mergedInto) {
		this.programId = programId;
		this.memberId = memberId;
		this.available = available;
		this.pending = pending;
		this.lifetimeEarned = lifetimeEarned;
		this.nextDueAt = nextDueAt;
		this.inactivityMonths = inactivityMonths;
		this.inactivityDeadline = inactivityDeadline;
		this.mergedInto = mergedInto;
	}

	/** A copy to change: what a piece of work changes stays its own until it is written. */
	MemberAccount copy() {
		return new MemberAccount(programId, memberId, available, pending, lifetimeEarned, nextDueAt, inactivityMonths,
				inactivityDeadline, mergedInto);
	}

	public String memberId() {
		return memberId;
	}

	public long available() {
		return available;
	}

	public long pending() {
		return pending;
	}

	public long lifetimeEarned() {
		return lifetimeEarned;
	}

	public String mergedInto() {
		return mergedInto;
	}

	public Instant inactivityDeadline() {
		return inactivityDeadline;
	}

	boolean isDue(Instant now) {
		return nextDueAt != null && !nextDueAt.isAfter(now);
	}

	/** Points owed: how far below zero the available balance is. */
	long debt() {
		return Math.max(0, -available);
	}

	/**
	 * An account holds at most {@link PointsLedger#MAX_POINTS} points, available and pending together, and
	 * its lifetime earnings stay a long: anything that would pass either is refused before it changes a
	 * figure, so no sum ever wraps round (an order of a quadrillion euros, a rule gone wild).
	 */
	void mayReceive(long points, long earned) {
		if (points > PointsLedger.MAX_POINTS - Math.max(0, available + pending)
				|| earned > Long.MAX_VALUE - lifetimeEarned) {
			throw new PhiliaException(LedgerProblems.POINTS_LIMIT_EXCEEDED, "The member has " + (available + pending)
					+ " points; " + points + " more would pass the " + PointsLedger.MAX_POINTS
					+ " an account can hold", Map.of("limit", PointsLedger.MAX_POINTS));
		}
	}

	void dueNoLaterThan(Instant at) {
		if (at != null && (nextDueAt == null || at.isBefore(nextDueAt))) {
			nextDueAt = at;
		}
		dirty = true;
	}

	/**
	 * The member did something (earned, spent, transferred): under the inactivity rule their deadline moves
	 * to the end of the last day N months from today. Points earned under the rule keep following it even
	 * if the programme changed policy since, with the months they were earned under.
	 */
	void active(Instant now, PointsTerms terms) {
		ExpiryPolicy expiry = terms.expiry();
		if (expiry.byInactivity()) {
			inactivityMonths = expiry.months();
		}
		if (inactivityMonths == null) {
			return;
		}
		ZoneId zone = terms.zone();
		LocalDate lastDay = LocalDate.ofInstant(now, zone).plusMonths(inactivityMonths);
		inactivityDeadline = ExpiryPolicy.expiresAt(lastDay, zone);
		dueNoLaterThan(inactivityDeadline);
		dirty = true;
	}
}
