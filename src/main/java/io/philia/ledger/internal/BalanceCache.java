package io.philia.ledger.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.philia.ledger.LedgerSettings;
import io.philia.ledger.PointsSummary;

/**
 * Members' points views as last read from the database, answered from memory while provably not stale
 * (issue #3: a shop reads a balance on every page). A read notes its member's generation before going to
 * the database and keeps what it read only if no write to that member began or ended meanwhile. A
 * transaction marks a member as being written when it locks their balance row (every change of a balance
 * or a lot happens under that lock), and when it ends, committed or rolled back, bumps the member's
 * generation and drops what was kept, before its caller is answered. Generations and writes in flight are
 * counted per stripe of members, so the memory they take is fixed; a stripe with a write in flight only
 * keeps its readers from filling.
 *
 * <p>Another node writing to the same database is not seen: the cache is a setting, off when several
 * nodes share a database ({@code philia.ledger.balance-cache}).
 */
@Component
public class BalanceCache {

	private static final int STRIPES = 4096;

	private record Key(String programId, String memberId) {
	}

	/** A points view, valid until something of the member falls due by itself (null: nothing will). */
	private static final class Kept {

		final PointsSummary summary;

		final Instant validUntil;

		volatile boolean used;

		Kept(PointsSummary summary, Instant validUntil) {
			this.summary = summary;
			this.validUntil = validUntil;
		}
	}

	/** A points view read from the database, and when it stops being true without any write. */
	public record Read(PointsSummary summary, Instant validUntil) {
	}

	private final boolean enabled;

	private final int capacity;

	private final ConcurrentHashMap<Key, Kept> kept = new ConcurrentHashMap<>();

	private final AtomicLongArray generations = new AtomicLongArray(STRIPES);

	private final AtomicIntegerArray writing = new AtomicIntegerArray(STRIPES);

	private final ReentrantLock sweeping = new ReentrantLock();

	BalanceCache(LedgerSettings settings) {
		this.enabled = settings.balanceCache();
		this.capacity = settings.balanceCacheSize();
	}

	/**
	 * The member's points view, from memory if kept and still true at {@code now}, else read. Inside a
	 * transaction it is always read: the transaction may have written the member itself.
	 */
	public Optional<PointsSummary> summary(String programId, String memberId, Instant now,
			Supplier<Optional<Read>> read) {
		if (!enabled || TransactionSynchronizationManager.isActualTransactionActive()) {
			return read.get().map(Read::summary);
		}
		Key key = new Key(programId, memberId);
		Kept known = kept.get(key);
		if (known != null && (known.validUntil == null || now.isBefore(known.validUntil))) {
			known.used = true;
			return Optional.of(known.summary);
		}
		int stripe = stripe(key);
		long generation = generations.get(stripe);
		Optional<Read> fresh = read.get();
		fresh.ifPresent(r -> fill(key, stripe, generation, new Kept(r.summary(), r.validUntil())));
		return fresh.map(Read::summary);
	}

	/**
	 * The transaction is about to change the member's balance row or lots: no read fills the member until
	 * it ends, and what was kept is dropped then. Ledger writes run in a transaction (PointsLedger's
	 * methods are transactional); outside one there is no end to wait for, so the member is dropped now.
	 */
	public void writing(String programId, String memberId) {
		if (!enabled) {
			return;
		}
		Key key = new Key(programId, memberId);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			written(key);
			return;
		}
		var members = (Writes) TransactionSynchronizationManager.getResource(this);
		if (members == null) {
			members = new Writes();
			TransactionSynchronizationManager.bindResource(this, members);
			TransactionSynchronizationManager.registerSynchronization(members);
		}
		if (members.keys.add(key)) {
			writing.incrementAndGet(stripe(key));
		}
	}

	/** How many points views are kept now. */
	int size() {
		return kept.size();
	}

	private void fill(Key key, int stripe, long generation, Kept value) {
		// Checked and kept atomically with respect to written()'s removal of the same key: a write that
		// ended before this sees its bumped generation here, one that ends after removes what is kept.
		kept.compute(key, (k, old) -> writing.get(stripe) == 0 && generations.get(stripe) == generation ? value : old);
		if (kept.size() > capacity) {
			evict();
		}
	}

	private void written(Key key) {
		generations.incrementAndGet(stripe(key));
		kept.remove(key);
	}

	/**
	 * Second chance: drops what was not read since the last sweep and marks the rest unread; when all was
	 * read, drops any tenth. One thread sweeps; the others go on.
	 */
	private void evict() {
		if (!sweeping.tryLock()) {
			return;
		}
		try {
			kept.values().removeIf(k -> {
				boolean unread = !k.used;
				k.used = false;
				return unread;
			});
			int over = kept.size() - capacity * 9 / 10;
			var keys = kept.keySet().iterator();
			while (over-- > 0 && keys.hasNext()) {
				keys.next();
				keys.remove();
			}
		}
		finally {
			sweeping.unlock();
		}
	}

	private static int stripe(Key key) {
		int h = key.hashCode();
		return (h ^ (h >>> 16)) & (STRIPES - 1);
	}

	/** The members one transaction writes; released when it ends. */
	private final class Writes implements TransactionSynchronization {

		final Set<Key> keys = new HashSet<>();

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(BalanceCache.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(BalanceCache.this, this);
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(BalanceCache.this);
			for (Key key : keys) {
				// The generation first: a read that fills from now on must have started after the end.
				written(key);
				writing.decrementAndGet(stripe(key));
			}
		}
	}
}
