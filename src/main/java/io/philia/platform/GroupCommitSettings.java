package io.philia.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of group commit on the ingestion hot path.
 *
 * @param enabled share one transaction among many events; off, every event has a transaction of its own
 * (the reference path)
 * @param shards how many single writers, each with its own queue and database connection; by default one per
 * two processors, at least two. A writer spends much of a micro-batch waiting for the database's answers to
 * its dozen or so statements, and a second one fills that wait: on 2 cores (issue #3, BENCHMARKS.md) two
 * writers took 2,837-2,872 events/s in three runs where one took 2,401-2,546 with the machine a third idle
 * (x1.47-1.49 of pgbench against x1.27-1.37), at a quarter more of the machine per event. More writers
 * share the events out into smaller micro-batches, each with its fixed statements and commit: on a machine
 * where those cost three times as much, one writer and two had reached the same rate and two had saturated
 * the cores at 80% of it (an earlier state of the code had measured 4 writers at about x0.6 of pgbench and
 * 8 at x0.46)
 * @param maxBatch the most events one transaction carries
 * @param queue how many events may wait for each writer before callers are told to retry (503)
 * @param linger how long a writer that found more than one event waiting waits for more before it runs them
 * (3 ms by default; zero runs whatever is waiting at once). A micro-batch's dozen statements and commit cost
 * the machine about what two or three events' own work does, and without a wait a writer's batches shrink as
 * the load falls: on 2 cores (issue #3, BENCHMARKS.md) 3 ms took the events a commit from 8-11 to 16 at 80% of
 * the highest rate and cut the machine's CPU per event by a tenth there, a sixth at 50%. A lone event never
 * waits, nor does a full batch
 */
@ConfigurationProperties("philia.group-commit")
public record GroupCommitSettings(Boolean enabled, Integer shards, Integer maxBatch, Integer queue, Duration linger) {

	public GroupCommitSettings {
		enabled = enabled == null || enabled;
		shards = shards == null ? Math.max(2, Runtime.getRuntime().availableProcessors() / 2) : shards;
		maxBatch = maxBatch == null ? 100 : maxBatch;
		queue = queue == null ? 10_000 : queue;
		linger = linger == null ? Duration.ofMillis(3) : linger;
		if (shards < 1 || maxBatch < 1 || queue < 1) {
			throw new IllegalArgumentException("philia.group-commit shards, max-batch and queue must be positive");
		}
		if (linger.isNegative() || linger.compareTo(Duration.ofSeconds(1)) > 0) {
			throw new IllegalArgumentException("philia.group-commit.linger must be between 0 and 1s");
		}
	}
}
