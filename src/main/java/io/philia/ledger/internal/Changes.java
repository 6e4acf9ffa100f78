package io.philia.ledger.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.philia.ledger.Cause;
import io.philia.ledger.Movement.Kind;
import io.philia.platform.Ids;

/**
 * Everything one piece of ledger work changes, written at the end in a fixed order and in JDBC batches:
 * new lots, changed lots, entries with their postings and lot consumption, then the balances. A
 * projection (what a read would see if the jobs had run) builds the same changes and never writes them.
 */
public final class Changes {

	final Clock clock;

	final List<Entry> entries = new ArrayList<>();

	final Map<String, LotRow> lots = new LinkedHashMap<>();

	final Set<MemberAccount> accounts = new LinkedHashSet<>();

	/** Expiries of whole groups of untouched lots: (entry, programme, member, their expiry time, how many). */
	final List<Object[]> expiredGroups = new ArrayList<>();

	/** Open lots of the members this work read them for; lots it creates join them. */
	final Map<String, List<LotRow>> openLots = new java.util.HashMap<>();

	Changes(Clock clock) {
		this.clock = clock;
	}

	Entry entry(MemberAccount account, Kind kind, java.time.Instant at, Cause cause) {
		var entry = new Entry(Ids.next(clock), account.programId, account.memberId, kind, at, cause);
		entries.add(entry);
		touched(account);
		return entry;
	}

	void touched(MemberAccount account) {
		account.dirty = true;
		accounts.add(account);
	}

	void touched(LotRow lot) {
		lots.putIfAbsent(lot.id, lot);
	}

	void expiredTogether(Entry entry, java.time.Instant at, int lots) {
		expiredGroups.add(new Object[] { entry.id, entry.programId, entry.memberId, Rows.utc(at), lots });
	}

	void created(LotRow lot) {
		touched(lot);
		List<LotRow> known = openLots.get(lot.memberId);
		if (known != null) {
			known.add(lot);
		}
	}

	/** Stamps every entry with its member's balances after it, in the order the entries were made. */
	void close(Entry entry, MemberAccount account) {
		entry.availableAfter = account.available;
		entry.pendingAfter = account.pending;
		entry.consumed.keySet().forEach(this::touched);
	}
}
