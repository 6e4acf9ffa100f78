package io.philia.platform.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the database-backed job scheduler (db-scheduler), which runs each job on one node only.
 *
 * @param enabled run scheduled jobs on this node (the admin CLI turns it off)
 * @param pollingInterval how often the node looks for due jobs
 * @param heartbeatInterval how often a running job says it is alive; after four missed heartbeats
 * another node takes over a job whose node died
 * @param threads how many jobs this node runs at once
 */
@ConfigurationProperties("philia.scheduler")
public record SchedulerSettings(Boolean enabled, Duration pollingInterval, Duration heartbeatInterval,
		Integer threads) {

	public SchedulerSettings {
		enabled = enabled == null || enabled;
		pollingInterval = pollingInterval == null ? Duration.ofSeconds(10) : pollingInterval;
		heartbeatInterval = heartbeatInterval == null ? Duration.ofMinutes(1) : heartbeatInterval;
		threads = threads == null ? 2 : threads;
		if (threads < 1 || pollingInterval.isNegative() || pollingInterval.isZero()) {
			throw new IllegalArgumentException("philia.scheduler threads and polling-interval must be positive");
		}
	}
}
