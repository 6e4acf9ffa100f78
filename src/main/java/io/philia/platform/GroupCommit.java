package io.philia.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Group commit: one writer per shard drains its queue and runs up to {@code maxBatch} pieces of work in
 * one database transaction, each in its own savepoint, and completes every caller only after the commit.
 * One commit then carries many events, which is what lets ingestion go past the database's
 * one-transaction-per-event rate (DESIGN: the hot path). A piece of work that fails is rolled back to its
 * savepoint and fails alone; a batch whose commit fails, or that deadlocks with another writer, is run
 * again whole (every piece was rolled back), and if it keeps failing every caller in it gets the error:
 * never half a batch. The pieces' deferred writes ({@link WriteBehind}) go out together before the commit;
 * when the batch reruns with savepoints, each piece's go out inside its own. A writer that finds several
 * pieces waiting first waits {@link GroupCommitSettings#linger()} for more, so that under load the batch's
 * fixed statements and commit are shared by more events; a lone piece does not wait.
 *
 * <p>Callers with the same shard key go to the same writer, so the work of one member is serialised in
 * memory instead of in a queue of row locks.
 *
 * <p>Metrics, for how close the writers run to their limit: {@code philia.group_commit.queued} (pieces
 * waiting for a writer; a queue that keeps growing means the writers are the limit),
 * {@code philia.group_commit.batch.size} (pieces per commit; full batches of {@code max-batch} mean the
 * same) and {@code philia.group_commit.batch.duration}, by {@code run}: {@code together} when the batch
 * committed at its first try, {@code savepoints} when it had to run again piece by piece.
 */
@Component
public class GroupCommit implements DisposableBean, MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private static final int PIECE_ATTEMPTS = 5;

	private final boolean enabled;

	private final int maxBatch;

	private final long lingerNanos;

	private final Transactions transactions;

	private final TransactionTemplate savepoint;

	private final TransactionTemplate template;

	private final WriteBehind writes;

	private final Idempotency idempotency;

	private final ObjectProvider<BatchReads> readsProvider;

	/** The modules' reads ahead, resolved at the first batch (they may depend on beans made after this one). */
	private volatile List<BatchReads> reads;

	private final List<Shard> shards = new ArrayList<>();

	/** Null until the metrics are bound (and without a meter registry). */
	private volatile Meters meters;

	private record Meters(DistributionSummary size, Timer together, Timer savepoints) {
	}

	GroupCommit(GroupCommitSettings settings, Transactions transactions, WriteBehind writes, Idempotency idempotency,
			ObjectProvider<BatchReads> reads, PlatformTransactionManager manager) {
		this.enabled = settings.enabled();
		this.writes = writes;
		this.idempotency = idempotency;
		this.readsProvider = reads;
		this.maxBatch = settings.maxBatch();
		this.lingerNanos = settings.linger().toNanos();
		this.transactions = transactions;
		this.template = new TransactionTemplate(manager);
		this.savepoint = new TransactionTemplate(manager);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		if (enabled) {
			for (int i = 0; i < settings.shards(); i++) {
				shards.add(new Shard(i, settings.queue()));
			}
		}
	}

	/**
	 * Runs the work in a shared transaction of its shard and returns its result once committed; without
	 * group commit (or from inside a transaction already), in a transaction of its own.
	 */
	public <T> T execute(String shardKey, Supplier<T> work) {
		return await(submit(shardKey, work));
	}

	/**
	 * Queues the work for its shard's writer and returns at once; the future completes after the commit
	 * (or fails with the work's error). Work submitted from one thread with the same shard key runs in the
	 * order submitted. Without group commit, the work runs now in a transaction of its own.
	 */
	public <T> CompletableFuture<T> submit(String shardKey, Supplier<T> work) {
		return submit(shardKey, null, List.of(), work);
	}

	/**
	 * As {@link #submit(String, Supplier)} for work that runs {@link Idempotency#once(Idempotency.Claim, Class,
	 * Supplier)} with this claim: the keys of a micro-batch are then looked up together, and claimed with
	 * their answers at the commit; the hints go to the {@link BatchReads} of the batch.
	 */
	public <T> CompletableFuture<T> submit(String shardKey, Idempotency.Claim claim, List<?> hints, Supplier<T> work) {
		if (!enabled || TransactionSynchronizationManager.isActualTransactionActive()) {
			try {
				return CompletableFuture.completedFuture(transactions.inTransaction(work));
			}
			catch (RuntimeException e) {
				return CompletableFuture.failedFuture(e);
			}
		}
		var piece = new Piece<>(claim, hints, work);
		Shard shard = shards.get(Math.floorMod(shardKey.hashCode(), shards.size()));
		try {
			if (!shard.queue.offer(piece, 5, TimeUnit.SECONDS)) {
				throw new PhiliaException(PlatformProblems.SERVICE_UNAVAILABLE,
						"The ingestion queue is full; retry in a moment");
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while queueing for the commit", e);
		}
		return piece.result;
	}

	/** The result of submitted work once committed, or its error as it was thrown. */
	public static <T> T await(CompletableFuture<T> result) {
		try {
			return result.get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting for the commit", e);
		}
		catch (TimeoutException e) {
			throw new PhiliaException(PlatformProblems.SERVICE_UNAVAILABLE, "The commit took too long; retry with the same key");
		}
		catch (ExecutionException e) {
			if (e.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(e.getCause());
		}
	}

	private List<BatchReads> reads() {
		List<BatchReads> resolved = reads;
		if (resolved == null) {
			resolved = readsProvider.orderedStream().toList();
			reads = resolved;
		}
		return resolved;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("philia.group_commit.queued", shards, all -> all.stream().mapToInt(shard -> shard.queue.size()).sum())
			.description("Pieces of work waiting for their shard's writer")
			.register(registry);
		meters = new Meters(DistributionSummary.builder("philia.group_commit.batch.size")
			.description("Pieces of work committed together")
			.baseUnit("pieces")
			.register(registry), batchTimer(registry, "together"), batchTimer(registry, "savepoints"));
	}

	private static Timer batchTimer(MeterRegistry registry, String run) {
		return Timer.builder("philia.group_commit.batch.duration")
			.description("A micro-batch from its first piece's start to its commit")
			.tag("run", run)
			.register(registry);
	}

	@Override
	public void destroy() {
		shards.forEach(shard -> shard.writer.interrupt());
	}

	private static final class Piece<T> {

		final Idempotency.Claim claim;

		final List<?> hints;

		final Supplier<T> work;

		final CompletableFuture<T> result = new CompletableFuture<>();

		T value;

		RuntimeException error;

		Piece(Idempotency.Claim claim, List<?> hints, Supplier<T> work) {
			this.claim = claim;
			this.hints = hints;
			this.work = work;
		}

		void complete() {
			if (error != null) {
				result.completeExceptionally(error);
			}
			else {
				result.complete(value);
			}
		}
	}

	private final class Shard {

		final BlockingQueue<Piece<?>> queue;

		final Thread writer;

		Shard(int index, int capacity) {
			this.queue = new ArrayBlockingQueue<>(capacity);
			this.writer = Thread.ofPlatform().daemon().name("group-commit-" + index).start(this::drain);
		}

		private void drain() {
			List<Piece<?>> batch = new ArrayList<>(maxBatch);
			while (!Thread.currentThread().isInterrupted()) {
				try {
					batch.add(queue.take());
				}
				catch (InterruptedException e) {
					return;
				}
				queue.drainTo(batch, maxBatch - 1);
				if (lingerNanos > 0 && batch.size() > 1 && batch.size() < maxBatch) {
					// Several waiting: there is load, and the batch's fixed statements are shared by more.
					LockSupport.parkNanos(lingerNanos);
					queue.drainTo(batch, maxBatch - batch.size());
				}
				commit(batch);
				batch.clear();
			}
		}

		private void commit(List<Piece<?>> batch) {
			long start = System.nanoTime();
			if (commitWithoutSavepoints(batch)) {
				measure(batch, start, true);
				batch.forEach(Piece::complete);
				return;
			}
			try {
				transactions.inTransaction(() -> {
					batch.forEach(this::run);
					return null;
				});
			}
			catch (RuntimeException e) {
				log.warn("A batch of {} failed to commit: {}", batch.size(), e.getMessage());
				batch.forEach(piece -> {
					piece.value = null;
					piece.error = e;
				});
			}
			measure(batch, start, false);
			batch.forEach(Piece::complete);
		}

		private void measure(List<Piece<?>> batch, long start, boolean together) {
			Meters bound = meters;
			if (bound != null) {
				bound.size().record(batch.size());
				(together ? bound.together() : bound.savepoints()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
			}
		}

		/**
		 * The usual case first: every piece succeeds, so no piece needs a savepoint of its own (two round
		 * trips and a subtransaction each, beside the ~17 round trips of an event). If anything fails,
		 * all of it is rolled back and the batch runs again with a savepoint per piece, where a refused
		 * event fails alone. Only here are the pieces' idempotency keys looked up together and claimed at
		 * the commit (a key claimed meanwhile by another transaction then fails the commit, not a piece),
		 * and do modules read ahead for the whole batch.
		 */
		private boolean commitWithoutSavepoints(List<Piece<?>> batch) {
			try {
				template.execute(status -> {
					List<Idempotency.Claim> claims = batch.stream().<Idempotency.Claim>map(piece -> piece.claim)
						.filter(Objects::nonNull)
						.toList();
					if (!claims.isEmpty()) {
						idempotency.lookUpAtCommit(claims);
					}
					List<Object> hints = batch.stream().<Object>flatMap(piece -> piece.hints.stream()).toList();
					if (!hints.isEmpty()) {
						reads().forEach(read -> read.readAhead(hints));
					}
					batch.forEach(Shard::runDirectly);
					return null;
				});
				return true;
			}
			catch (RuntimeException e) {
				batch.forEach(piece -> piece.value = null);
				return false;
			}
		}

		private static <T> void runDirectly(Piece<T> piece) {
			piece.error = null;
			piece.value = piece.work.get();
		}

		private <T> void run(Piece<T> piece) {
			piece.value = null;
			piece.error = null;
			for (int attempt = 1;; attempt++) {
				try {
					// Its deferred writes go out inside its savepoint: a piece that fails there fails alone.
					piece.value = savepoint.execute(status -> {
						T value = piece.work.get();
						writes.writeOut();
						return value;
					});
					return;
				}
				catch (RuntimeException e) {
					writes.discard();
					if (!retry(piece, e, attempt)) {
						return;
					}
				}
			}
		}

		/** Whether a piece that failed in its savepoint runs again; a deadlock fails the whole batch. */
		private static <T> boolean retry(Piece<T> piece, RuntimeException failure, int attempt) {
			if (failure instanceof PessimisticLockingFailureException) {
				// A deadlock with another writer: rolling back to the savepoint keeps the locks the batch
				// already holds, so the cycle would stay. The whole batch is rolled back and run again.
				throw failure;
			}
			boolean transientFailure = failure instanceof TransientDataAccessException
					|| failure instanceof DuplicateKeyException;
			if (transientFailure && attempt < PIECE_ATTEMPTS) {
				return true;
			}
			piece.error = failure;
			return false;
		}
	}
}
