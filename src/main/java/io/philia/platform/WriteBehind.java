package io.philia.platform;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that nothing reads back before the commit (a journal entry, an inbound event, a stored answer),
 * held by the transaction and sent at its end as one JDBC batch per statement: a micro-batch of a hundred
 * events then costs a few round trips for them instead of one per event and statement (issue #3).
 *
 * <p>Rules that keep it exact: a module defers only writes to its own tables, and every read of a table
 * it defers writes to calls {@link #writeOut()} first. Writes go out in the order their statements were
 * first deferred, before the commit; a failure there rolls the whole transaction back. Where a piece of a
 * transaction may roll back alone (a savepoint), its owner writes out before releasing the savepoint and
 * {@link #discard()}s after rolling back to it, so that nothing of a refused piece survives in memory.
 * Outside a transaction, a deferred write is sent at once.
 */
@Component
public class WriteBehind {

	private final JdbcTemplate jdbc;

	WriteBehind(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Sends the row with the statement before the transaction commits, batched with its likes. */
	public void defer(String sql, Object... row) {
		State state = state();
		if (state == null) {
			Batches.send(jdbc, sql, Collections.singletonList(row));
			return;
		}
		state.batches.computeIfAbsent(sql, s -> new ArrayList<>()).add(row);
	}

	/** Sends now what the transaction deferred; before a read of what it may hold. */
	public void writeOut() {
		State state = current();
		if (state != null && !state.batches.isEmpty()) {
			state.generation++;
			// Cleared first: a failure here fails the transaction, which must not send them again.
			var batches = new ArrayList<>(state.batches.entrySet());
			state.batches.clear();
			batches.forEach(batch -> Batches.send(jdbc, batch.getKey(), batch.getValue()));
		}
	}

	/**
	 * What the transaction knows in memory beside its deferred writes (a module's locked rows), under a key
	 * of the module's; forgotten with them by {@link #discard()} and at the end of the transaction. Null
	 * outside a transaction.
	 */
	@SuppressWarnings("unchecked")
	public <T> T memory(String key, Supplier<T> create) {
		State state = state();
		return state == null ? null : (T) state.memory.computeIfAbsent(key, k -> create.get());
	}

	/**
	 * As {@link #defer}, for a row its owner may still change in place until it goes out (a new row whose
	 * later changes it carries, instead of an update that could go out before it).
	 */
	public Deferred deferChangeable(String sql, Object... row) {
		defer(sql, row);
		State state = current();
		return new Deferred(state, state == null ? -1 : state.generation, row);
	}

	/** A row deferred by {@link #deferChangeable}. */
	public final class Deferred {

		private final State state;

		private final long generation;

		private final Object[] row;

		private Deferred(State state, long generation, Object[] row) {
			this.state = state;
			this.generation = generation;
			this.row = row;
		}

		/** The row, to change in place while it waits; null once it has gone out or was discarded. */
		public Object[] waiting() {
			return state != null && current() == state && state.generation == generation ? row : null;
		}
	}

	/** Forgets the deferred writes and the memory: the transaction rolled back to a savepoint. */
	void discard() {
		State state = current();
		if (state != null) {
			state.batches.clear();
			state.memory.clear();
			state.generation++;
		}
	}

	private State current() {
		return TransactionSynchronizationManager.isSynchronizationActive()
				? (State) TransactionSynchronizationManager.getResource(this) : null;
	}

	private State state() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		State state = (State) TransactionSynchronizationManager.getResource(this);
		if (state == null) {
			state = new State();
			TransactionSynchronizationManager.bindResource(this, state);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					writeOut();
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(WriteBehind.this);
				}
			});
		}
		return state;
	}

	private static final class State {

		final Map<String, List<Object[]>> batches = new LinkedHashMap<>();

		final Map<String, Object> memory = new HashMap<>();

		/** How many times the deferred rows went out or were discarded: a {@link Deferred} of an older one has. */
		long generation;
	}
}
