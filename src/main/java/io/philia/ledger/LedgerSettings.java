package io.philia.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the ledger's scheduled jobs.
 *
 * @param settleEvery how often the settle job releases pending points whose window closed and expires
 * points past their last day (besides the job at each programme's midnight)
 * @param settleChunk how many members one transaction of a job settles
 */
@ConfigurationProperties("philia.ledger")
public record LedgerSettings(Duration settleEvery, Integer settleChunk) {

	public LedgerSettings {
		settleEvery = settleEvery == null ? Duration.ofMinutes(1) : settleEvery;
		settleChunk = settleChunk == null ? 500 : settleChunk;
		if (settleChunk < 1 || settleChunk > 5_000 || settleEvery.isNegative() || settleEvery.isZero()) {
			throw new IllegalArgumentException("philia.ledger.settle-every must be positive, settle-chunk 1 to 5000");
		}
	}
}
