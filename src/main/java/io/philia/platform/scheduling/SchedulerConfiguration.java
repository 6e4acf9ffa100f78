package io.philia.platform.scheduling;

import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * The job scheduler: db-scheduler over the application's database (its table comes from a Flyway
 * migration), with every {@link Task} bean of any module. Configured here rather than by its Spring Boot
 * starter, whose auto-configuration names Spring Boot 3 classes that Spring Boot 4 moved. Jobs read time
 * from the application's clock, so tests that move the clock move the schedule too.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "philia.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulerConfiguration {

	@Bean
	Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerSettings settings, Clock clock) {
		// Recurring tasks are started (and so known) through startTasks; naming them twice is refused.
		List<OnStartup> recurring = tasks.stream().filter(OnStartup.class::isInstance).map(OnStartup.class::cast).toList();
		List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
		return Scheduler.create(dataSource, others)
			.startTasks(castRecurring(recurring))
			.pollingInterval(settings.pollingInterval())
			.heartbeatInterval(settings.heartbeatInterval())
			.threads(settings.threads())
			.clock(clock::instant)
			.build();
	}

	@Bean
	SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
		return new SmartLifecycle() {

			private volatile boolean running;

			@Override
			public void start() {
				scheduler.start();
				running = true;
			}

			@Override
			public void stop() {
				scheduler.stop();
				running = false;
			}

			@Override
			public boolean isRunning() {
				return running;
			}
		};
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T extends Task<?> & OnStartup> List<T> castRecurring(List<OnStartup> tasks) {
		return (List) tasks;
	}
}
