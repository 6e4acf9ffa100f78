package io.philia.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.ledger.internal.AuditQueries;
import io.philia.ledger.internal.Bookkeeping;
import io.philia.ledger.internal.JournalStore;
import io.philia.ledger.internal.LotStore;
import io.philia.platform.CursorPage;
import io.philia.program.DebtPolicy;
import io.philia.program.PointsTerms;
import io.philia.program.Programmes;

/**
 * Posts point movements as balanced journal entries, keeps each member's balance equal to the sum of
 * their postings and to the sum of their open lots. Every method joins the caller's transaction, so an
 * event's earning commits or rolls back with the rest of the event.
 */
@Service
public class PointsLedger {

	/** The most points an account holds, available and pending together: 10^15, far from a long's limit. */
	public static final long MAX_POINTS = 1_000_000_000_000_000L;

	private final Bookkeeping bookkeeping;

	private final JournalStore journal;

	private final LotStore lots;

	private final AuditQueries audits;

	private final Programmes programmes;

	PointsLedger(Bookkeeping bookkeeping, JournalStore journal, LotStore lots, AuditQueries audits,
			Programmes programmes) {
		this.bookkeeping = bookkeeping;
		this.journal = journal;
		this.lots = lots;
		this.audits = audits;
		this.programmes = programmes;
	}

	/** Credits earned points, available at once, under the programme's terms. */
	@Transactional
	public Movement earn(String programId, String memberId, long points, Cause cause) {
		return earn(programId, memberId, points, cause, null);
	}

	/** Credits earned points, kept with the rules that produced them (the history shows them). */
	@Transactional
	public Movement earn(String programId, String memberId, long points, Cause cause, List<Attribution> explanation) {
		return earn(programId, memberId, points, cause, explanation, programmes.terms(programId), Availability.NOW);
	}

	/**
	 * Credits earned points as a new lot under the given terms (the store's, read with the event), pending
	 * until {@code availability} says otherwise.
	 */
	@Transactional
	public Movement earn(String programId, String memberId, long points, Cause cause, List<Attribution> explanation,
			PointsTerms terms, Availability availability) {
		requirePositive(points);
		return bookkeeping.earn(programId, memberId, points, cause, explanation, terms, availability);
	}

	/**
	 * Takes back points an order earned (refund, cancellation), under the programme's debt policy: from the
	 * order's own pending lot first, else from what is available; what the member already spent goes below
	 * zero down to the policy's limit, and the rest is recorded as the entry's shortfall.
	 */
	@Transactional
	public Movement clawBack(String programId, String memberId, long points, Cause cause, String correctsEntryId) {
		return clawBack(programId, memberId, points, cause, correctsEntryId, programmes.terms(programId).debt());
	}

	@Transactional
	public Movement clawBack(String programId, String memberId, long points, Cause cause, String correctsEntryId,
			DebtPolicy debt) {
		requirePositive(points);
		return bookkeeping.clawBack(programId, memberId, points, cause, correctsEntryId, debt);
	}

	/** A manual correction by support: signed, with a reason and who made it; never below zero. */
	@Transactional
	public Movement adjust(String programId, String memberId, long points, String reason, String actor) {
		return bookkeeping.adjust(programId, memberId, points, reason, actor, programmes.terms(programId));
	}

	/**
	 * Spends available points (a reward, points as payment), taking the lots that expire soonest first.
	 * Refused with INSUFFICIENT_POINTS, and nothing written, when the member has fewer available points.
	 */
	@Transactional
	public Movement spend(String programId, String memberId, long points, Cause cause) {
		requirePositive(points);
		return bookkeeping.spend(programId, memberId, points, cause, programmes.terms(programId));
	}

	/**
	 * Gives back points a spend took (a cancelled redemption, a released checkout), linked to that spend:
	 * to the lots it took them from, with their expiry; points whose lot expired meanwhile come back with
	 * the expiry of points earned today. Never more than the spend took, over all its restores.
	 */
	@Transactional
	public Movement restore(String programId, String memberId, long points, Cause cause, String spendEntryId) {
		requirePositive(points);
		return bookkeeping.restore(programId, memberId, points, cause, spendEntryId, programmes.terms(programId));
	}

	/**
	 * The order an earning came from was fulfilled: its pending points become available at
	 * {@code closesAt} (released at once if that has passed), or earlier if a deadline for fulfilment
	 * already gave them an earlier time. Returns when they become available, or null if nothing of that
	 * earning is pending.
	 */
	@Transactional
	public Instant startReturnWindow(String programId, String memberId, String earnEntryId, Instant closesAt) {
		return bookkeeping.startReturnWindow(programId, memberId, earnEntryId, closesAt);
	}

	/**
	 * The member's balance. Pending points whose window closed count as available and points past their
	 * last day as gone, even before the scheduled jobs book them: a read is never behind the clock.
	 */
	public Balance balance(String programId, String memberId) {
		return bookkeeping.balance(programId, memberId);
	}

	/**
	 * The member's points view: the balance, what expires when, when pending points become available. Empty
	 * if no points ever moved for this member id (whether or not such a member exists).
	 */
	public Optional<PointsSummary> summary(String programId, String memberId) {
		return bookkeeping.summary(programId, memberId, programmes.timeZone(programId));
	}

	/** A member's lots, newest first; open ones only unless {@code all}. */
	public CursorPage<Lot> lots(String programId, String memberId, boolean all, int limit, String cursor) {
		return lots.page(programId, memberId, all, limit, cursor);
	}

	/** A member's movements, newest first, with those of accounts merged into theirs. */
	public CursorPage<Movement> history(String programId, String memberId, int limit, String cursor) {
		return journal.history(programId, memberId, limit, cursor);
	}

	/** Checks the invariants over a whole programme; meant for tests, operators and after incidents. */
	public LedgerAudit audit(String programId) {
		return audits.audit(programId, programmes.terms(programId).debt().allowedDebt());
	}

	static void requirePositive(long points) {
		if (points <= 0) {
			throw new IllegalArgumentException("points must be positive, was " + points);
		}
	}
}
