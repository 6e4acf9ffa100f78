package io.philia.platform;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in one database transaction and runs it again when the database says another transaction
 * got in the way (lock timeout, deadlock victim, a concurrent insert of the same key). The work must be
 * safe to repeat: everything it wrote was rolled back.
 */
@Component
public class Transactions {

	private static final int ATTEMPTS = 8;

	private final TransactionTemplate template;

	Transactions(TransactionTemplate template) {
		this.template = template;
	}

	public <T> T inTransaction(Supplier<T> work) {
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
