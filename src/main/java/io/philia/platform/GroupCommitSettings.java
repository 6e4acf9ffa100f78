package io.philia.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of group commit on the ingestion hot path.
 *
 * @param enabled share one transaction among many events; off, every event has a transaction of its own
 * (the reference path)
 * @param shards how many single writers, each with its own queue and database connection; by default one per
 * two processors, at least one: the database and the requests' threads need the rest. More writers share the
 * same events out into smaller micro-batches, and each batch has its fixed statements and commit: on 2 cores
 * (issue #3, BENCHMARKS.md) one writer carried about 32 events a commit against 15 for two, at the same highest rate,
 * and at 80% of it a p99 of 144-149 ms against 512-662 ms, two writers' smaller batches costing the
 * machine enough to saturate it (an earlier state of the code had measured 4 writers at about x0.6 of
 * pgbench and 8 at x0.46)
 * @param maxBatch the most events one transaction carries
 * @param queue how many events may wait for each writer before callers are told to retry (503)
 */
@ConfigurationProperties("philia.group-commit")
public record GroupCommitSettings(Boolean enabled, Integer shards, Integer maxBatch, Integer queue) {

	public GroupCommitSettings {
		enabled = enabled == null || enabled;
		shards = shards == null ? Math.max(1, Runtime.getRuntime().availableProcessors() / 2) : shards;
		maxBatch = maxBatch == null ? 100 : maxBatch;
		queue = queue == null ? 10_000 : queue;
		if (shards < 1 || maxBatch < 1 || queue < 1) {
			throw new IllegalArgumentException("philia.group-commit shards, max-batch and queue must be positive");
		}
	}
}
