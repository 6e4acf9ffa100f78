package io.philia.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of group commit on the ingestion hot path.
 *
 * @param enabled share one transaction among many events; off, every event has a transaction of its own
 * (the reference path)
 * @param shards how many single writers, each with its own queue and database connection; by default one per
 * processor (measured on 2 cores, issue #3: 1 writer gave x1.07 of pgbench, 2 gave x1.21, 4 about x0.6, 8
 * x0.46: more writers than cores share the same events out into smaller micro-batches, and each batch
 * has its fixed statements)
 * @param maxBatch the most events one transaction carries
 * @param queue how many events may wait for each writer before callers are told to retry (503)
 */
@ConfigurationProperties("philia.group-commit")
public record GroupCommitSettings(Boolean enabled, Integer shards, Integer maxBatch, Integer queue) {

	public GroupCommitSettings {
		enabled = enabled == null || enabled;
		shards = shards == null ? Runtime.getRuntime().availableProcessors() : shards;
		maxBatch = maxBatch == null ? 100 : maxBatch;
		queue = queue == null ? 10_000 : queue;
		if (shards < 1 || maxBatch < 1 || queue < 1) {
			throw new IllegalArgumentException("philia.group-commit shards, max-batch and queue must be positive");
		}
	}
}
