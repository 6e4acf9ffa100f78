package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.philia.support.HttpTest;

/**
 * A writer that finds several events waiting waits the linger for more, and runs them all in one
 * transaction; a lone event, or a full batch, is run at once. The writer here has one shard and a linger
 * of a second, far longer than anything else the tests wait for, so which transaction a piece ran in shows
 * whether the writer waited.
 */
abstract class LingerContract extends HttpTest {

	@Autowired
	Transactions transactions;

	@Autowired
	WriteBehind writes;

	@Autowired
	Idempotency idempotency;

	@Autowired
	ObjectProvider<BatchReads> reads;

	@Autowired
	PlatformTransactionManager manager;

	private GroupCommit writer;

	@AfterEach
	void stopWriter() {
		if (writer != null) {
			writer.destroy();
		}
	}

	@Test
	void eventsFoundWaitingTogetherWaitForTheOnesJustBehindThemAndShareTheirCommit() throws Exception {
		writer = writer(100);
		var busy = new CountDownLatch(1);
		CompletableFuture<Object> first = runningAlone(busy);
		// Two events queue while the writer runs the first alone: it then finds them together.
		CompletableFuture<Object> second = queued();
		CompletableFuture<Object> third = queued();
		busy.countDown();
		first.get(10, TimeUnit.SECONDS);
		Thread.sleep(100);
		CompletableFuture<Object> late = queued();

		assertThat(third.get(10, TimeUnit.SECONDS)).isSameAs(second.get(10, TimeUnit.SECONDS))
			.isSameAs(late.get(10, TimeUnit.SECONDS))
			.isNotSameAs(first.get());
	}

	@Test
	void aLoneEventDoesNotWait() throws Exception {
		writer = writer(100);
		Object lone = queued().get(10, TimeUnit.SECONDS);
		Thread.sleep(100);
		Object next = queued().get(10, TimeUnit.SECONDS);

		assertThat(next).as("the first committed alone, before the second came").isNotSameAs(lone);
	}

	@Test
	void aFullBatchDoesNotWait() throws Exception {
		writer = writer(2);
		var busy = new CountDownLatch(1);
		CompletableFuture<Object> first = runningAlone(busy);
		CompletableFuture<Object> second = queued();
		CompletableFuture<Object> third = queued();
		busy.countDown();
		Object full = third.get(10, TimeUnit.SECONDS);
		Thread.sleep(100);
		Object late = queued().get(10, TimeUnit.SECONDS);

		assertThat(second.get()).isSameAs(full);
		assertThat(late).as("two make a full batch, committed without waiting").isNotSameAs(full);
		assertThat(first.get()).isNotSameAs(full);
	}

	/** A piece that answers the transaction it ran in. */
	private CompletableFuture<Object> queued() {
		return writer.submit("a", LingerContract::transaction);
	}

	/** A piece the writer has begun, alone in its batch, and that holds it until {@code busy} opens. */
	private CompletableFuture<Object> runningAlone(CountDownLatch busy) {
		var started = new CountDownLatch(1);
		CompletableFuture<Object> first = writer.submit("a", () -> {
			started.countDown();
			await(busy);
			return transaction();
		});
		await(started);
		return first;
	}

	private GroupCommit writer(int maxBatch) {
		var settings = new GroupCommitSettings(true, 1, maxBatch, 100, Duration.ofSeconds(1));
		return new GroupCommit(settings, transactions, writes, idempotency, reads, manager);
	}

	/** What identifies the transaction a piece runs in: its connection holder, bound for the transaction. */
	static Object transaction() {
		return TransactionSynchronizationManager.getResourceMap()
			.values()
			.stream()
			.filter(ConnectionHolder.class::isInstance)
			.findFirst()
			.orElseThrow();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
