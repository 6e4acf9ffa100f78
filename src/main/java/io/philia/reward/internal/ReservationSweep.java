package io.philia.reward.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import io.philia.reward.Checkouts;
import io.philia.reward.RewardSettings;

/**
 * Releases checkouts whose reservation ran out, every {@code philia.reward.sweep-interval}. Each pass
 * claims due rows with {@code for update skip locked} and moves each by a guarded transition, so sweeps
 * on several nodes share the work and never release one twice. Until a pass comes, an expired
 * reservation already reads as expired everywhere (limits, redemption, the checkout's status).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ReservationSweep implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ReservationSweep.class);

	private static final int BATCH = 100;

	private final Checkouts checkouts;

	private final RewardSettings settings;

	ReservationSweep(Checkouts checkouts, RewardSettings settings) {
		this.checkouts = checkouts;
		this.settings = settings;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, settings.sweepInterval());
	}

	void sweep() {
		try {
			while (checkouts.releaseExpired(BATCH) == BATCH) {
				// a full batch: more may be due
			}
		}
		catch (RuntimeException e) {
			log.warn("Releasing expired checkouts failed; the next pass retries: {}", e.getMessage());
		}
	}
}
