package io.philia.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.philia.ledger.Account;
import io.philia.ledger.Attribution;
import io.philia.ledger.Cause;
import io.philia.ledger.Movement;
import io.philia.ledger.Movement.Kind;

/**
 * A journal entry being written for one member: its postings (netted per account, so they sum to zero by
 * construction of each booking), and how much it took from or gave back to each lot.
 */
final class Entry {

	final String id;

	final String programId;

	final String memberId;

	final Kind kind;

	final Instant at;

	final Cause cause;

	String reason;

	String actor;

	String corrects;

	List<Attribution> explanation;

	/** Signed changes of the member's available and pending points. */
	long points;

	long pending;

	long shortfall;

	long availableAfter;

	long pendingAfter;

	/** For an earning: when its points become available, and their last day. */
	Instant availableAt;

	LocalDate expiresOn;

	final Map<Account, Long> postings = new EnumMap<>(Account.class);

	/** Net points taken from each lot (negative: given back), in the order the lots were touched. */
	final Map<LotRow, Long> consumed = new LinkedHashMap<>();

	Entry(String id, String programId, String memberId, Kind kind, Instant at, Cause cause) {
		this.id = id;
		this.programId = programId;
		this.memberId = memberId;
		this.kind = kind;
		this.at = at;
		this.cause = cause;
	}

	void post(Account account, long amount) {
		if (amount != 0) {
			postings.merge(account, amount, Long::sum);
		}
	}

	void consume(LotRow lot, long points) {
		if (points == 0) {
			return;
		}
		lot.remaining -= points;
		lot.dirty = true;
		consumed.merge(lot, points, Long::sum);
	}

	/** The postings as written: member lines first, zero lines left out. */
	List<Map.Entry<Account, Long>> lines() {
		List<Map.Entry<Account, Long>> lines = new ArrayList<>();
		postings.forEach((account, amount) -> {
			if (amount != 0) {
				lines.add(Map.entry(account, amount));
			}
		});
		return lines;
	}

	Movement movement() {
		return new Movement(id, at, kind, points, availableAfter, cause, reason, actor,
				shortfall == 0 ? null : shortfall, corrects, explanation == null ? null : List.copyOf(explanation),
				pending == 0 ? null : pending, pending == 0 && pendingAfter == 0 ? null : pendingAfter, availableAt,
				expiresOn);
	}
}
