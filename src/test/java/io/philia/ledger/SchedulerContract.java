package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import tools.jackson.databind.JsonNode;

/**
 * The scheduled jobs through the real scheduler: due points are booked by themselves, each programme's
 * midnight job is planned, a job runs on one node only, and a job whose node died is run again.
 */
@TestPropertySource(properties = { "philia.scheduler.enabled=true", "philia.scheduler.polling-interval=200ms",
		"philia.scheduler.heartbeat-interval=1s", "philia.ledger.settle-every=1s" })
abstract class SchedulerContract extends LifecycleTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Test
	void dueReleasesAreBookedByTheJobAndEachProgrammesMidnightIsPlanned() {
		var shop = shop("Europe/Paris", "{\"returnWindow\": {\"days\": 1}}");
		String member = pay(shop, "S-1", "S-1", "150.00").at("/member/id").asString();

		later(Duration.ofDays(1).plusMinutes(1));

		waitUntil(() -> "release".equals(history(shop, member).at("/items/0/kind").asString()));
		assertThat(points(shop, member).get("available").asLong()).isEqualTo(100);
		// The midnight planned when the programme opened has passed on the moved clock: the job runs, then
		// plans the next one.
		waitUntil(() -> planned(shop.programId()) != null && planned(shop.programId()).isAfter(Instant.now(clock)));
		Instant midnight = planned(shop.programId());
		assertThat(midnight.atZone(PARIS).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
		assertThat(midnight).isAfter(Instant.now(clock));
	}

	@Test
	void aJobInstanceRunsOnOneNodeOnlyWhenSeveralNodesPoll() throws Exception {
		Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
		OneTimeTask<Void> task = Tasks.oneTime("test-once-" + System.nanoTime())
			.execute((instance, context) -> runs.computeIfAbsent(instance.getId(), id -> new AtomicInteger()).incrementAndGet());
		Scheduler a = node("node-a", task);
		Scheduler b = node("node-b", task);
		Scheduler c = node("node-c", task);
		try {
			for (int i = 0; i < 30; i++) {
				a.schedule(new TaskInstance<Void>(task.getName(), "job-" + i), Instant.now(clock));
			}
			a.start();
			b.start();
			c.start();

			waitUntil(() -> runs.size() == 30 && pending(task.getName()) == 0);
		}
		finally {
			a.stop();
			b.stop();
			c.stop();
		}

		assertThat(runs.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
	}

	@Test
	void aMidnightJobWhoseNodeDiedIsRunAgainAndBooksTheExpiryOnce() {
		var shop = shop("Europe/Paris", "{\"expiry\": {\"policy\": \"after-earning\", \"months\": 1}}");
		at(aDayAhead(PARIS).withHour(10));
		String member = pay(shop, "S-2", "S-2", "150.00").at("/member/id").asString();
		LocalDate day = LocalDate.now(clock.withZone(PARIS)).plusMonths(1).plusDays(1);
		Instant midnight = day.atStartOfDay(PARIS).toInstant();
		at(day.atTime(0, 5).atZone(PARIS));
		// What a node that died while running the job leaves behind: picked, heartbeat long stopped.
		jdbc.sql("""
				insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat,
				  version, consecutive_failures)
				values ('ledger-midnight', ?, ?, true, 'dead-node', ?, 1, 0)""")
			.params(shop.programId() + "@" + day + "-crash", midnight.atOffset(ZoneOffset.UTC),
					Instant.now(clock).minus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC))
			.update();

		// The dead node's instance itself is taken over and completed (the every-second settlement would
		// book the expiry anyway, so the expiry alone does not show the recovery).
		waitUntil(() -> jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
			.param(shop.programId() + "@" + day + "-crash")
			.query(Long.class)
			.single() == 0);
		waitUntil(() -> "expiry".equals(history(shop, member).at("/items/0/kind").asString()));

		assertThat(history(shop, member).get("items").findValuesAsString("kind")).containsOnlyOnce("expiry");
		assertThat(points(shop, member).get("available").asLong()).isZero();
		assertHealthy(shop);
	}

	private Scheduler node(String name, OneTimeTask<Void> task) {
		return Scheduler.create(dataSource, task)
			.schedulerName(new SchedulerName.Fixed(name))
			.pollingInterval(Duration.ofMillis(50))
			.threads(4)
			.clock(clock::instant)
			.build();
	}

	private long pending(String taskName) {
		return jdbc.sql("select count(*) from scheduled_tasks where task_name = ?").param(taskName).query(Long.class).single();
	}

	private Instant planned(String programId) {
		return jdbc.sql("select execution_time from scheduled_tasks where task_name = 'ledger-midnight' and task_instance like ?")
			.param(programId + "@%")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.list()
			.stream()
			.findFirst()
			.orElse(null);
	}

	private JsonNode history(Shop shop, String member) {
		return shop.api().get("/api/v1/members/" + member + "/points/history").expect(200).body();
	}

	/** Waits for the scheduler (which polls on its own) to have done something; never a timing assertion. */
	private static void waitUntil(BooleanSupplier done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!done.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the scheduler did not get there within a minute");
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
