package io.philia.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ledger's scheduled jobs and balance reads.
 *
 * @param settleEvery how often the settle job releases pending points whose window closed and expires
 * points past their last day (besides the job at each programme's midnight)
 * @param settleChunk how many members one transaction of a job settles
 * @param balanceCache whether balance reads are answered from this node's memory while no write of this
 * node changed them: true for a single node; false when several nodes share a database, as one node does
 * not see another's writes
 * @param balanceCacheSize how many members' balances the memory keeps at most
 */
@ConfigurationProperties("philia.ledger")
public record LedgerSettings(Duration settleEvery, Integer settleChunk, Boolean balanceCache,
		Integer balanceCacheSize) {

	public LedgerSettings {
		settleEvery = settleEvery == null ? Duration.ofMinutes(1) : settleEvery;
		settleChunk = settleChunk == null ? 500 : settleChunk;
		balanceCache = balanceCache == null || balanceCache;
		balanceCacheSize = balanceCacheSize == null ? 100_000 : balanceCacheSize;
		if (settleChunk < 1 || settleChunk > 5_000 || settleEvery.isNegative() || settleEvery.isZero()) {
			throw new IllegalArgumentException("philia.ledger.settle-every must be positive, settle-chunk 1 to 5000");
		}
		if (balanceCacheSize < 1) {
			throw new IllegalArgumentException("philia.ledger.balance-cache-size must be positive");
		}
	}
}
