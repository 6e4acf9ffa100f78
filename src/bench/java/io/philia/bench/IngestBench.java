package io.philia.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.philia.bench.load.HttpLoad;
import io.philia.bench.load.LoadResult;
import io.philia.bench.load.Request;
import io.philia.demo.ShopData;

/**
 * Issue #3's figure: events per second over HTTP, single and in batches, against what pgbench does with
 * the same SQL writes on the same database in the same run.
 */
public final class IngestBench implements Bench {

	static final int MEMBERS = 20_000;

	static final int CLIENTS = 64;

	static final int BATCH = 1000;

	static final int BATCH_CLIENTS = 4;

	/** Slices of pgbench and of the application's closed loop, alternated, for the ratio. */
	static final int SLICES = 4;

	/** Counts the server's statements and commits: two counters read, no cost worth measuring. */
	static final String COUNT_STATEMENTS = "philia.jdbc.count-statements=true";

	@Override
	public String name() {
		return "ingest";
	}

	@Override
	public String title() {
		return "event ingestion over HTTP against pgbench (targets: ×2.0 single, ×0.5 batch)";
	}

	@Override
	public String method() {
		return """
				Each run: a fresh PostgreSQL database; the application in its own JVM in production mode \
				(as `./philia start` runs it: the jar extracted under target/app with its JDK AOT cache, prod profile, default settings: group commit with one writer per two processors and at least two, \
				batches of up to 100 with a wait of 3 ms for more when several events are waiting, a pool of 32 connections); a programme whose store earns 10 points per \
				15.00 EUR. Events are order.paid of the seeded shop data (%d customers, log-normal totals \
				around 60 EUR, 1 to 10 lines, ~20%% repeat customers), each with its own idempotency key. \
				**Single:** %d closed-loop clients on keep-alive connections, a warm-up until the JIT \
				compilers are nearly idle (under 5%% of a core over 10 s; 30 s to 120 s: `warmup_s`), 20 s \
				metered: `metered_eps`; then an open loop at 80%% of that rate (20 s; latency from each request's due \
				time, so queueing shows): `p50_ms`, `p99_ms`; and at 50%% (`p99_ms_at_50`). **The ratio:** the \
				closed loop and pgbench (below, one event per transaction, 32 clients) then take turns, %d slices \
				of 10 s each, pgbench first with the application idle, each slice after a `CHECKPOINT` (so that \
				none pays for the writes of another's WAL, and each for its own pages' first images after it): \
				`ingest_eps` and `pgbench_eps` are the events of all of one's slices over their time, and \
				`ratio` is Philia / pgbench; the machine's speed drifts by a fifth or more within minutes, and \
				slices 10 s apart see nearly the same machine. What the slices wrote to the WAL per event: \
				`slice_wal_bytes_per_event`, `slice_wal_fpi_per_event`, and pgbench's. **Batch:** %d clients each sending \
				`POST /api/v1/events:batch` of %d events (20 s): `batch_eps`. `rss_mb` is the server's \
				resident memory after the load; `startup_ms` its start to ready, `idle_rss_mb` its memory \
				then; `server_cpu_us_per_event`, `db_cpu_us_per_event` and `load_cpu_us_per_event` the CPU \
				time (user and system) per event of the server, of the database's backends and of the load \
				generator during the metered closed loop, steadier than rates on a shared machine, and \
				`machine_cpu_us_per_event` the whole machine's (/proc/stat, steal left out), as \
				`pgbench_machine_cpu_us_per_event` is for pgbench's first run: near two cores' worth in both, \
				the ratio is one of CPU per event; the same four with `_at_80` and `_at_50` for the open loops \
				(their 5 s warm-up included, at the same rate); \
				`server_jit_cpu_us_per_event` the part of the server's that its JIT compiler threads took \
				(still compiling after the warm-up; a lower bound). **pgbench** runs the same SQL writes one event needs (see \
				`Pgbench.java`: idempotency key, member, order and 3 lines, balance, journal entry, 2 \
				postings, point lot, order link, inbound event, stored answer) at 1 event per transaction with 32 \
				clients, 20 s before the application's load (the application idle) and 20 s after it (the \
				application stopped): `pgbench_eps_before` and `pgbench_eps_after`, whose mean against \
				`metered_eps` is `ratio_before_after` (how the ratio was measured until 2026-12-03, on the \
				tables before and after the application's load, minutes apart); and 100 events per transaction \
				with 8 clients after (`pgbench_batch_eps`), 20 s; `batch_ratio` is Philia / pgbench within each run. The database's own tail: pgbench at 80%% of its rate after \
				the application's load (`--rate`, 32 clients, one event per transaction, 20 s), its latencies \
				from each transaction's scheduled start as the application's open loop counts them, from \
				pgbench's log of every transaction: `pgbench_p50_ms_at_80`, `pgbench_p99_ms_at_80`. What the \
				server wrote to its WAL per event (`pg_stat_wal`) under the application's metered closed loop \
				and under pgbench's first run: `wal_bytes_per_event`, `wal_fpi_per_event` (full-page images, \
				written for a page's first change after each checkpoint), and pgbench's; the buffer pages the \
				bench's database touched per event over the same two loops (`pg_statio_user_tables`): \
				`heap_pages_per_event`, `index_pages_per_event` (found in shared buffers or read), \
				`os_reads_per_event` (read from the OS), and pgbench's: steadier than CPU time, though the table \
				pages include what the server's maintenance job's analyzes read in that time; and over \
				pgbench's second run, on the tables the application's load has grown (`_after`); `checkpoints_at_80` \
				and `checkpoints_at_50` the checkpoints begun during each open loop. `h2_*`: the same single \
				and batch loads on an H2 file database, reported beside (H2 \
				does not flush every commit; never a production figure). The load generator runs on the \
				same cores as the server and the database.""".formatted(MEMBERS, CLIENTS, SLICES, BATCH_CLIENTS, BATCH);
	}

	@Override
	public void run(BenchRun run) throws Exception {
		var data = ShopData.generate(42, MEMBERS, Instant.now());
		run.log(data.orders().size() + " generated orders of " + data.customers().size() + " customers");
		for (int i = 0; i < run.runs(); i++) {
			double batch;
			try (var app = BenchApp.postgres(run, "ingest-" + i, COUNT_STATEMENTS)) {
				run.sample("startup_ms", app.process().startup().toMillis());
				run.sample("idle_rss_mb", app.residentMegabytes());
				var shop = app.openShop();
				var load = app.load();
				var pgbench = new Pgbench(app.database(), run.workDir());
				pgbench.prepare();
				// Before the application's load as well as after it (the application idle): the shared
				// machine's speed drifts within minutes, and the baseline is then the mean of both.
				var machine = CpuMeter.machine().start();
				var pgbenchMeter = DatabaseMeter.start(app.database());
				double before = pgbench.eventsPerSecond(32, 1, run.duration(Duration.ofSeconds(20)));
				double pgbenchEvents = before * run.duration(Duration.ofSeconds(20)).toSeconds();
				double pgbenchCpu = machine.seconds() * 1e6 / pgbenchEvents;
				var pgbenchDatabase = pgbenchMeter.since();
				var single = single(run, app, load, shop.key(), data, pgbench);
				batch = batch(run, app, load, shop.key(), data, 3);
				run.sample("rss_mb", app.residentMegabytes());
				app.process().close();
				// Its second run is on the tables the application's load has grown: its pages beside the first's.
				var afterMeter = DatabaseMeter.start(app.database());
				double after = pgbench.eventsPerSecond(32, 1, run.duration(Duration.ofSeconds(20)));
				double afterEvents = after * run.duration(Duration.ofSeconds(20)).toSeconds();
				var pgbenchAfter = afterMeter.since();
				run.sample("pgbench_index_pages_per_event_after", pgbenchAfter.indexPagesPer(afterEvents));
				run.sample("pgbench_os_reads_per_event_after", pgbenchAfter.osReadsPer(afterEvents));
				// The database's own tail at 80% of its rate, beside the application's at 80% of its own.
				var pgbenchAt80 = DatabaseMeter.start(app.database());
				var pgbenchOpen = pgbench.latencyAtRate(32, after * 0.8, run.duration(Duration.ofSeconds(20)));
				run.log("pgbench at %.0f events/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms, %d checkpoints".formatted(
						after * 0.8, pgbenchOpen.getValueAtPercentile(50) / 1000.0,
						pgbenchOpen.getValueAtPercentile(99) / 1000.0, pgbenchOpen.getMaxValue() / 1000.0,
						pgbenchAt80.since().checkpoints()));
				double hundred = pgbench.eventsPerSecond(8, 100, run.duration(Duration.ofSeconds(20)));
				double one = (before + after) / 2;
				run.log("pgbench: " + Math.round(before) + " then " + Math.round(after)
						+ " events/s one per transaction, " + Math.round(hundred) + " events/s 100 per transaction");
				run.sample("pgbench_eps", single.pgbench());
				run.sample("pgbench_eps_before", before);
				run.sample("pgbench_eps_after", after);
				// What one event costs the machine under pgbench (client, backends, WAL writer), as
				// machine_cpu_us_per_event does under the application: both near 2 cores' worth means
				// the ratio is one of CPU per event.
				run.sample("pgbench_machine_cpu_us_per_event", pgbenchCpu);
				run.sample("pgbench_wal_bytes_per_event", pgbenchDatabase.bytesPer(pgbenchEvents));
				run.sample("pgbench_wal_fpi_per_event", pgbenchDatabase.fullPageImagesPer(pgbenchEvents));
				run.sample("pgbench_heap_pages_per_event", pgbenchDatabase.heapPagesPer(pgbenchEvents));
				run.sample("pgbench_index_pages_per_event", pgbenchDatabase.indexPagesPer(pgbenchEvents));
				run.sample("pgbench_os_reads_per_event", pgbenchDatabase.osReadsPer(pgbenchEvents));
				run.sample("pgbench_p50_ms_at_80", pgbenchOpen.getValueAtPercentile(50) / 1000.0);
				run.sample("pgbench_p99_ms_at_80", pgbenchOpen.getValueAtPercentile(99) / 1000.0);
				run.sample("ingest_eps", single.application());
				run.sample("ratio", single.application() / single.pgbench());
				run.sample("ratio_before_after", single.metered() / one);
				run.sample("pgbench_batch_eps", hundred);
				run.sample("batch_ratio", batch / hundred);
			}
		}
		try (var app = BenchApp.h2(run, "ingest-h2")) {
			var shop = app.openShop();
			var load = app.load();
			var closed = load.closedLoop(CLIENTS, run.duration(Duration.ofSeconds(15)), run.duration(Duration.ofSeconds(20)),
					n -> Events.post(shop.key(), order(data, n), 100 + round(data, n)));
			run.log("H2, closed loop: " + closed.summary());
			run.sample("h2_ingest_eps", closed.rate());
			run.sample("h2_batch_eps", batchRate(run, load, shop.key(), data, 200));
		}
	}

	/**
	 * The single-event rates: the application's and pgbench's in alternating slices ({@code ingest_eps},
	 * {@code pgbench_eps}, their ratio), and the metered closed loop's ({@code metered_eps}, the one its CPU
	 * and page figures are of).
	 */
	record Single(double application, double pgbench, double metered) {
	}

	/**
	 * A metered closed loop, open loops at 80% and 50% of its rate for the latencies, then the application
	 * and pgbench in alternating slices for the ratio.
	 */
	private static Single single(BenchRun run, BenchApp app, HttpLoad load, String key, ShopData data, Pgbench pgbench)
			throws InterruptedException, java.io.IOException, SQLException {
		run.sample("warmup_s", warmUp(run, app, load, key, data));
		var trips = new RoundTrips(app, "/api/v1/events", 1).start();
		var compiler = CpuMeter.compilerThreads(app.process().pid()).start();
		var databaseMeter = DatabaseMeter.start(app.database());
		var measured = Measured.run(app, () -> load.closedLoop(CLIENTS, Duration.ZERO,
				run.duration(Duration.ofSeconds(20)), n -> Events.post(key, order(data, n), round(data, n))));
		LoadResult closed = measured.result();
		run.log("closed loop, " + CLIENTS + " clients: " + measured.summary());
		run.sample("metered_eps", closed.rate());
		run.sample("server_cpu_us_per_event", measured.serverUs());
		run.sample("server_jit_cpu_us_per_event", compiler.seconds() * 1e6 / Math.max(1, closed.ok() + closed.failed()));
		run.sample("db_cpu_us_per_event", measured.databaseUs());
		run.sample("load_cpu_us_per_event", measured.loadUs());
		run.sample("machine_cpu_us_per_event", measured.machineUs());
		var database = databaseMeter.since();
		double events = closed.ok() + closed.failed();
		run.sample("wal_bytes_per_event", database.bytesPer(events));
		run.sample("wal_fpi_per_event", database.fullPageImagesPer(events));
		run.sample("heap_pages_per_event", database.heapPagesPer(events));
		run.sample("index_pages_per_event", database.indexPagesPer(events));
		run.sample("os_reads_per_event", database.osReadsPer(events));
		trips.sample(run, "");
		run.sample("closed_p99_ms", closed.percentileMillis(99));
		LoadResult open = openLoop(run, app, load, closed.rate() * 0.8, "_at_80",
				n -> Events.post(key, order(data, n), 1 + round(data, n)));
		run.sample("p50_ms", open.percentileMillis(50));
		run.sample("p99_ms", open.percentileMillis(99));
		// A point lower on the curve: whether the tail at 80% is the load's queueing or there at any load.
		LoadResult half = openLoop(run, app, load, closed.rate() * 0.5, "_at_50",
				n -> Events.post(key, order(data, n), 2 + round(data, n)));
		run.sample("p99_ms_at_50", half.percentileMillis(99));
		return paired(run, app, load, key, data, pgbench, closed.rate());
	}

	/**
	 * The ratio the issue tracks, with the host's drift taken out as far as it can be: this machine's speed
	 * moves by a fifth or more within minutes (pgbench's own rate, the application idle, went from 1,837 to
	 * 1,324 events/s within ten minutes on 2026-12-03), so pgbench and the application's closed loop take
	 * turns in slices of 10 s, {@value #SLICES} of each, pgbench first (the application idle), each after a
	 * checkpoint, and each rate is the events of all its slices over their time.
	 */
	private static Single paired(BenchRun run, BenchApp app, HttpLoad load, String key, ShopData data, Pgbench pgbench,
			double metered) throws InterruptedException, java.io.IOException, SQLException {
		Duration slice = run.duration(Duration.ofSeconds(10));
		double pgbenchEvents = 0;
		double applicationEvents = 0;
		double applicationSeconds = 0;
		// What each side's slices wrote to the WAL: the first images of pages after each checkpoint
		// fall in the slice that changes the page first.
		var pgbenchWal = DatabaseMeter.Reading.NONE;
		var applicationWal = DatabaseMeter.Reading.NONE;
		for (int i = 0; i < SLICES; i++) {
			checkpoint(app.database());
			// The application idle meanwhile but for its maintenance job, whose VACUUM and ANALYZE run in
			// its pooled connections' backends: pgbench's own backends come and go within the slice, and
			// this meter counts only those alive at both of its readings.
			var backends = CpuMeter.postgres(app.database().database()).start();
			var machine = CpuMeter.machine().start();
			var pgbenchMeter = DatabaseMeter.start(app.database());
			double base = pgbench.eventsPerSecond(32, 1, slice);
			pgbenchWal = pgbenchWal.plus(pgbenchMeter.since());
			double backendsShare = backends.seconds() / slice.toSeconds();
			double machineShare = machine.seconds() / slice.toSeconds();
			checkpoint(app.database());
			var applicationMeter = DatabaseMeter.start(app.database());
			pgbenchEvents += base * slice.toSeconds();
			// Phases 3 to 6 of the order ids: the warm-up has 7, the metered and open loops 0 to 2.
			long phase = 3 + i;
			LoadResult result = load.closedLoop(CLIENTS, Duration.ZERO, slice,
					n -> Events.post(key, order(data, n), phase + round(data, n)));
			applicationWal = applicationWal.plus(applicationMeter.since());
			applicationEvents += result.ok();
			applicationSeconds += result.seconds();
			run.log(("slice %d: pgbench %.0f events/s (the machine %.0f%% of a core, the application's backends %.1f%%), the application"
					+ " %.0f (%s failed), ratio %.2f").formatted(i + 1, base, machineShare * 100, backendsShare * 100,
							result.rate(), result.failed(), result.rate() / base));
		}
		run.sample("slice_wal_bytes_per_event", applicationWal.bytesPer(applicationEvents));
		run.sample("slice_wal_fpi_per_event", applicationWal.fullPageImagesPer(applicationEvents));
		run.sample("pgbench_slice_wal_bytes_per_event", pgbenchWal.bytesPer(pgbenchEvents));
		run.sample("pgbench_slice_wal_fpi_per_event", pgbenchWal.fullPageImagesPer(pgbenchEvents));
		return new Single(applicationEvents / applicationSeconds, pgbenchEvents / (SLICES * slice.toSeconds()),
				metered);
	}

	/**
	 * Before each slice: the checkpoint that one slice's WAL would otherwise begin, and whose writes would
	 * then fall in the next slice, whoever's that is (the application writes half as much WAL again per
	 * event as pgbench, and at twice its rate). Each slice then pays for its own pages' first images after
	 * the checkpoint, and none for another's writes.
	 */
	private static void checkpoint(Postgres database) throws SQLException {
		try (var connection = database.connect(); var statement = connection.createStatement()) {
			statement.execute("checkpoint");
		}
	}

	/**
	 * An open loop, with what its events cost the machine and how many shared a commit: at a lower rate the
	 * writers find fewer events waiting, and each commit's fixed statements are shared by fewer.
	 */
	private static LoadResult openLoop(BenchRun run, BenchApp app, HttpLoad load, double rate, String suffix,
			HttpLoad.Requests requests) throws InterruptedException, java.io.IOException, SQLException {
		Duration warmUp = run.duration(Duration.ofSeconds(5));
		Duration counted = run.duration(Duration.ofSeconds(20));
		var trips = new RoundTrips(app, "/api/v1/events", 1).start();
		var server = new CpuMeter(app.process().pid()).start();
		var database = CpuMeter.postgres(app.database().database()).start();
		var generator = CpuMeter.self().start();
		var machine = CpuMeter.machine().start();
		var databaseMeter = DatabaseMeter.start(app.database());
		// The loop starts 50 ms from now; its windows are counted from the end of its warm-up.
		Instant countedFrom = Instant.now().plusMillis(50).plus(warmUp);
		LoadResult open = load.openLoop(rate, 512, warmUp, counted, requests);
		// The meter ran through the warm-up too, whose events came at the same rate but are not counted.
		double sent = open.ok() + open.failed() + rate * warmUp.toNanos() / 1e9;
		double perEvent = 1e6 / Math.max(1, sent);
		double machineUs = machine.seconds() * perEvent;
		run.log("open loop at %.0f/s: %s; CPU per event: server %.0f µs, database %.0f µs, load generator %.0f µs, machine %.0f µs"
			.formatted(rate, open.summary(), server.seconds() * perEvent, database.seconds() * perEvent,
					generator.seconds() * perEvent, machineUs));
		run.log("open loop at %.0f/s, counted from %s (beside the server's GC log and PostgreSQL's checkpoints): %s"
			.formatted(rate, countedFrom.truncatedTo(ChronoUnit.MILLIS), open.stalls(5)));
		// Beside the closed loop's split: which of the three pays for an open loop's dearer events.
		run.sample("server_cpu_us_per_event" + suffix, server.seconds() * perEvent);
		run.sample("db_cpu_us_per_event" + suffix, database.seconds() * perEvent);
		run.sample("load_cpu_us_per_event" + suffix, generator.seconds() * perEvent);
		run.sample("machine_cpu_us_per_event" + suffix, machineUs);
		// A checkpoint's writes hold the WAL's flush, and with it a commit of the writer's.
		run.sample("checkpoints" + suffix, databaseMeter.since().checkpoints());
		trips.sample(run, "", suffix);
		return open;
	}

	/**
	 * Closed-loop load, apart from the counted one so that the server's CPU time is that of the counted
	 * events, until the JIT compilers are nearly idle (under 5% of a core over 10 s), from 30 s to 120 s:
	 * on 2 shared cores they compiled a third of a core's worth still 30 s into the load (JFR compiler
	 * statistics), work a server that has run for a minute no longer does. Returns the seconds it took.
	 */
	private static double warmUp(BenchRun run, BenchApp app, HttpLoad load, String key, ShopData data)
			throws InterruptedException, java.io.IOException {
		Duration chunk = run.duration(Duration.ofSeconds(10));
		long least = run.duration(Duration.ofSeconds(30)).toNanos();
		long most = run.duration(Duration.ofSeconds(120)).toNanos();
		long start = System.nanoTime();
		long sent = 0;
		while (true) {
			var compiler = CpuMeter.compilerThreads(app.process().pid()).start();
			long offset = sent;
			LoadResult result = load.closedLoop(CLIENTS, Duration.ZERO, chunk,
					n -> Events.post(key, order(data, offset + n), 7 + round(data, offset + n)));
			// Every request sent is recorded (none is left out of a closed loop without a warm-up); the
			// margin covers connections that broke, so that no order id comes twice.
			sent += result.ok() + result.failed() + 1000;
			double compiling = compiler.seconds() / (chunk.toNanos() / 1e9);
			long elapsed = System.nanoTime() - start;
			run.log("warm-up, %.0f s: %.0f events/s, JIT compilers %.0f%% of a core".formatted(elapsed / 1e9,
					result.rate(), compiling * 100));
			if (elapsed >= most || (elapsed >= least && compiling < 0.05)) {
				return elapsed / 1e9;
			}
		}
	}

	private static double batch(BenchRun run, BenchApp app, HttpLoad load, String key, ShopData data, int round)
			throws InterruptedException, java.io.IOException {
		var trips = new RoundTrips(app, "/api/v1/events:batch", BATCH).start();
		var result = batchLoad(run, load, key, data, round);
		trips.sample(run, "batch_");
		double rate = result.rate() * BATCH;
		run.sample("batch_eps", rate);
		return rate;
	}

	/**
	 * The server's statements and commits per event between two readings of its counters; the events are
	 * the requests it answered on one path (warm-up included, as in the statements) times the events each
	 * carries.
	 */
	private static final class RoundTrips {

		private final BenchApp app;

		private final String uri;

		private final int eventsPerRequest;

		private final double[] start = new double[3];

		RoundTrips(BenchApp app, String path, int eventsPerRequest) {
			this.app = app;
			this.uri = "uri=\"" + path + "\"";
			this.eventsPerRequest = eventsPerRequest;
		}

		RoundTrips start() throws java.io.IOException, InterruptedException {
			read(start);
			return this;
		}

		void sample(BenchRun run, String prefix) throws java.io.IOException, InterruptedException {
			sample(run, prefix, "");
		}

		void sample(BenchRun run, String prefix, String suffix) throws java.io.IOException, InterruptedException {
			double[] end = new double[3];
			read(end);
			double events = (end[2] - start[2]) * eventsPerRequest;
			run.sample(prefix + "statements_per_event" + suffix, (end[0] - start[0]) / events);
			run.sample(prefix + "commits_per_event" + suffix, (end[1] - start[1]) / events);
		}

		private void read(double[] into) throws java.io.IOException, InterruptedException {
			into[0] = app.counter("philia_jdbc_statements_total", "");
			into[1] = app.counter("philia_jdbc_commits_total", "");
			into[2] = app.counter("http_server_requests_seconds_count", uri);
		}
	}

	private static double batchRate(BenchRun run, HttpLoad load, String key, ShopData data, int round)
			throws InterruptedException {
		return batchLoad(run, load, key, data, round).rate() * BATCH;
	}

	private static LoadResult batchLoad(BenchRun run, HttpLoad load, String key, ShopData data, int round)
			throws InterruptedException {
		var result = load.closedLoop(BATCH_CLIENTS, run.duration(Duration.ofSeconds(5)),
				run.duration(Duration.ofSeconds(20)), n -> batchRequest(key, data, n, round));
		run.log("batches of " + BATCH + ", " + BATCH_CLIENTS + " clients: " + result.summary());
		return result;
	}

	private static byte[] batchRequest(String key, ShopData data, long n, int round) {
		var body = new StringBuilder(BATCH * 700).append("{\"events\":[");
		for (int i = 0; i < BATCH; i++) {
			long index = n * BATCH + i;
			var order = order(data, index);
			long unique = round * 1000L + round(data, index);
			body.append(i == 0 ? "" : ",").append("{\"idempotencyKey\":\"paid-").append(Events.orderId(order, unique))
				.append("\",\"event\":").append(Events.paid(order, unique)).append('}');
		}
		return Request.post("/api/v1/events:batch", Map.of("Authorization", "Bearer " + key),
				body.append("]}").toString());
	}

	private static ShopData.Order order(ShopData data, long n) {
		List<ShopData.Order> orders = data.orders();
		return orders.get((int) (n % orders.size()));
	}

	/** Which pass over the generated orders event n is in; with the phase, makes every order id new. */
	private static long round(ShopData data, long n) {
		return 10 * (n / data.orders().size());
	}
}
