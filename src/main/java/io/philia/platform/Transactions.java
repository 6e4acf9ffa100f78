package io.philia.platform;

import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in one database transaction and runs it again when the database says another transaction
 * got in the way (lock timeout, deadlock victim, a concurrent insert of the same key). The work must be
 * safe to repeat: everything it wrote was rolled back. Inside a transaction already, the work joins it.
 */
@Component
public class Transactions {

	private static final int ATTEMPTS = 8;

	private static final int BROKEN_CONNECTION_ATTEMPTS = 3;

	private final TransactionTemplate template;

	private final DataSource dataSource;

	Transactions(TransactionTemplate template, DataSource dataSource) {
		this.template = template;
		this.dataSource = dataSource;
	}

	public <T> T inTransaction(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// Joined: a retry here could not undo what failed; whoever owns the transaction retries it.
			return work.get();
		}
		for (int attempt = 1;; attempt++) {
			try {
				return template.execute(status -> work.get());
			}
			catch (TransientDataAccessException | DuplicateKeyException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
				backOff(attempt);
			}
			catch (CannotGetJdbcConnectionException e) {
				// No connection within the pool's timeout: the database is down; waiting again helps nobody.
				throw e;
			}
			catch (DataAccessResourceFailureException | TransactionSystemException e) {
				// A pooled connection that died with the database (now back) fails once and leaves the pool;
				// running again is safe: whatever did commit is found by its idempotency key.
				if (attempt >= BROKEN_CONNECTION_ATTEMPTS) {
					throw e;
				}
				evictIdleConnections();
			}
		}
	}

	/**
	 * Runs {@code forget} now and, inside a transaction, again when it ends: how a node drops its copy of
	 * something the transaction changes, since a read between the change and its commit may have kept the
	 * old value.
	 */
	public static void nowAndAtTheEnd(Runnable forget) {
		forget.run();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCompletion(int status) {
					forget.run();
				}
			});
		}
	}

	/** The other idle connections died with this one: drop them rather than fail on each in turn. */
	private void evictIdleConnections() {
		try {
			// Unwrapped: the pool may sit behind a counting data source (philia.jdbc.count-statements).
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				var pool = dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
				if (pool != null) {
					pool.softEvictConnections();
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("the pool cannot be reached behind its data source", e);
		}
	}

	private static void backOff(int attempt) {
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while retrying a transaction", e);
		}
	}
}
