package io.philia.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.philia.ledger.LedgerSettings;
import io.philia.program.Programme;
import io.philia.program.Programmes;

/**
 * The ledger's scheduled jobs. {@code ledger-settle} runs every minute on one node: it releases pending
 * points whose window closed during the day and catches up with anything missed, and it plans each
 * programme's next {@code ledger-midnight}. That one-time job, one instance per programme and local date
 * ({@code <programme>@2026-12-31}), runs at midnight in the programme's time zone, books the day's
 * expiries and plans the next midnight. A job whose node crashed is run again by another node; a job
 * missed during downtime runs as soon as a node is up. Both only book what is due, so running twice
 * changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class LedgerJobs {

	static final String SETTLE = "ledger-settle";

	static final String MIDNIGHT = "ledger-midnight";

	@Bean
	RecurringTask<Void> ledgerSettleTask(DueSettlements settlements, Programmes programmes, LedgerSettings settings,
			java.time.Clock clock) {
		return Tasks.recurring(SETTLE, FixedDelay.of(settings.settleEvery())).execute((instance, context) -> {
			for (Programme programme : programmes.all()) {
				planMidnight(context.getSchedulerClient(), programme, clock.instant());
				settlements.settle(programme.id());
			}
		});
	}

	@Bean
	OneTimeTask<Void> ledgerMidnightTask(DueSettlements settlements, Programmes programmes, java.time.Clock clock) {
		return Tasks.oneTime(MIDNIGHT).execute((instance, context) -> {
			String programId = instance.getId().substring(0, instance.getId().indexOf('@'));
			programmes.find(programId).ifPresent(programme -> {
				settlements.settle(programId);
				planMidnight(context.getSchedulerClient(), programme, clock.instant());
			});
		});
	}

	/** Plans the programme's next midnight job, unless it is planned already (by this node or another). */
	static void planMidnight(SchedulerClient client, Programme programme, Instant now) {
		Instant midnight = DueSettlements.nextMidnight(now, programme.timeZone());
		LocalDate day = LocalDate.ofInstant(midnight, programme.timeZone());
		client.scheduleIfNotExists(new TaskInstance<Void>(MIDNIGHT, programme.id() + "@" + day), midnight);
	}
}
