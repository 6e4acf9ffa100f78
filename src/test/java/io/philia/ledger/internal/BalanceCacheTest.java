package io.philia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.philia.ledger.LedgerSettings;
import io.philia.ledger.PointsSummary;

/**
 * The cache on its own: what it keeps, when it goes to the database anyway, and what a write in flight
 * does to readers. A transaction is played by Spring's synchronization on the test's thread.
 */
class BalanceCacheTest {

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	final AtomicInteger databaseReads = new AtomicInteger();

	final BalanceCache cache = new BalanceCache(new LedgerSettings(null, null, true, 100));

	@AfterEach
	void noTransactionLeftOpen() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
		TransactionSynchronizationManager.setActualTransactionActive(false);
	}

	@Test
	void aSecondReadIsAnsweredFromMemoryUntilSomethingFallsDue() {
		read("m", 10, NOW.plusSeconds(60));

		assertThat(read("m", 99, null).available()).isEqualTo(10);
		assertThat(databaseReads).hasValue(1);
		assertThat(cache.summary("p", "m", NOW.plusSeconds(60), () -> database(20, null)).orElseThrow().available())
			.as("due by then: read again").isEqualTo(20);
	}

	@Test
	void aWriteDropsWhatWasKeptWhenItsTransactionEndsAndNoReadFillsWhileItIsInFlight() {
		read("m", 10, null);
		begin();

		cache.writing("p", "m");
		var inFlight = new Thread(() -> read("m", 10, null));
		inFlight.start();
		join(inFlight);

		assertThat(read("m", 30, null).available()).as("a transaction reads the database").isEqualTo(30);
		end(TransactionSynchronization.STATUS_ROLLED_BACK);
		assertThat(read("m", 20, null).available()).as("dropped at the end, even of a rollback").isEqualTo(20);
		assertThat(read("m", 99, null).available()).isEqualTo(20);
	}

	@Test
	void whileAWriteIsInFlightReadersGoToTheDatabase() {
		begin();
		cache.writing("p", "m");

		var reader = new Thread(() -> {
			read("m", 10, null);
			read("m", 11, null);
		});
		reader.start();
		join(reader);
		end(TransactionSynchronization.STATUS_COMMITTED);

		assertThat(databaseReads).as("no read kept what it saw").hasValue(2);
		assertThat(read("m", 12, null).available()).isEqualTo(12);
	}

	@Test
	void itKeepsNoMoreThanItsSize() {
		for (int m = 0; m < 1_000; m++) {
			read("m" + m, m, null);
		}

		assertThat(cache.size()).isLessThanOrEqualTo(100);
	}

	@Test
	void offItAlwaysReadsTheDatabase() {
		var off = new BalanceCache(new LedgerSettings(Duration.ofMinutes(1), 500, false, 100));

		off.summary("p", "m", NOW, () -> database(10, null));
		off.summary("p", "m", NOW, () -> database(10, null));

		assertThat(databaseReads).hasValue(2);
	}

	private PointsSummary read(String member, long available, Instant validUntil) {
		return cache.summary("p", member, NOW, () -> database(available, validUntil)).orElseThrow();
	}

	private Optional<BalanceCache.Read> database(long available, Instant validUntil) {
		databaseReads.incrementAndGet();
		return Optional.of(new BalanceCache.Read(new PointsSummary(available, 0, available, null, null, null), validUntil));
	}

	private static void begin() {
		TransactionSynchronizationManager.initSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(true);
	}

	private static void end(int status) {
		var synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		TransactionSynchronizationManager.setActualTransactionActive(false);
		synchronizations.forEach(s -> s.afterCompletion(status));
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}
}
