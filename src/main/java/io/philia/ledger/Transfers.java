package io.philia.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.ledger.Movement.Kind;
import io.philia.ledger.internal.JournalStore;
import io.philia.ledger.internal.Moves;
import io.philia.platform.PhiliaException;
import io.philia.program.Programme;
import io.philia.program.Programmes;
import io.philia.program.TransferLimits;

/**
 * Points between members of one programme (a gift, family pooling), within the programme's limits. The
 * points keep their expiry dates: a transfer never makes points live longer.
 */
@Service
public class Transfers {

	private final Moves moves;

	private final JournalStore journal;

	private final Programmes programmes;

	private final Clock clock;

	Transfers(Moves moves, JournalStore journal, Programmes programmes, Clock clock) {
		this.moves = moves;
		this.journal = journal;
		this.programmes = programmes;
		this.clock = clock;
	}

	@Transactional
	public Transfer send(String programId, String fromMemberId, String toMemberId, long points, String reason,
			String actor) {
		PointsLedger.requirePositive(points);
		if (fromMemberId.equals(toMemberId)) {
			throw new PhiliaException(LedgerProblems.SAME_MEMBER, "A member cannot transfer points to themselves");
		}
		Programme programme = programmes.get(programId);
		TransferLimits limits = programme.settings().transfers();
		if (!limits.enabled()) {
			throw new PhiliaException(LedgerProblems.TRANSFERS_DISABLED,
					"Transfers between members are off in this programme; an administrator can turn them on");
		}
		if (limits.maxPoints() != null && points > limits.maxPoints()) {
			throw limit("one transfer", points, limits.maxPoints(), 0);
		}
		// Limits are read under the members' locks, so that concurrent transfers cannot both pass them, and
		// counted on the accounts the points really leave and reach (an absorbed account's id names its survivor).
		return moves.transfer(programId, fromMemberId, toMemberId, points, reason, actor, programme.terms(),
				(from, to) -> checkMonthly(programId, from, to, points, limits, programme.timeZone()));
	}

	private void checkMonthly(String programId, String from, String to, long points, TransferLimits limits,
			ZoneId zone) {
		Instant monthStart = LocalDate.now(clock.withZone(zone)).withDayOfMonth(1).atStartOfDay(zone).toInstant();
		if (limits.maxSentPerMonth() != null) {
			long sent = journal.movedSince(programId, from, Kind.TRANSFER_OUT, monthStart);
			if (sent + points > limits.maxSentPerMonth()) {
				throw limit("points sent by a member in a month", points, limits.maxSentPerMonth(), sent);
			}
		}
		if (limits.maxReceivedPerMonth() != null) {
			long received = journal.movedSince(programId, to, Kind.TRANSFER_IN, monthStart);
			if (received + points > limits.maxReceivedPerMonth()) {
				throw limit("points received by a member in a month", points, limits.maxReceivedPerMonth(), received);
			}
		}
	}

	private static PhiliaException limit(String what, long points, long limit, long used) {
		return new PhiliaException(LedgerProblems.TRANSFER_LIMIT_EXCEEDED, "The programme allows at most " + limit + " "
				+ what + "; " + used + " used, " + points + " asked", Map.of("limit", limit, "used", used));
	}
}
