package io.philia.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.philia.bench.load.HttpLoad;
import io.philia.bench.load.Request;
import io.philia.demo.ShopData;

/** Balance reads over HTTP: the call a shop makes on every page that shows the points. */
public final class BalanceBench implements Bench {

	static final int MEMBERS = 2_000;

	static final int CLIENTS = 64;

	/** The target rate: its p99 is measured at this arrival rate, whatever the highest rate. */
	static final int TARGET_RPS = 20_000;

	@Override
	public String name() {
		return "balance";
	}

	@Override
	public String title() {
		return "balance reads over HTTP (target ≥ 20,000/s, p99 ≤ 10 ms)";
	}

	@Override
	public String method() {
		return """
				The application runs in its own JVM in production mode (as `./philia start` runs it, with its AOT cache; prod \
				profile) on a fresh PostgreSQL database. %d members each get a paid order through the API; then \
				`GET /api/v1/members/{id}/points` of a random member is read by %d closed-loop clients (keep-alive \
				connections, virtual threads; 10 s warm-up, 20 s counted): `balance_rps` is the rate, \
				`closed_p99_ms` its p99. An open-loop run at 80%% of that rate (latency from each request's due \
				time, 10 s counted) gives `p50_ms` and `p99_ms`; another at the target's %,d reads/s (10 s counted) gives \
				`target_p50_ms` and `target_p99_ms`, the latency the target is about. The load generator shares the machine's cores \
				with the server and the database: CPU time per read, steadier than the rate on a shared machine, \
				is counted over the closed loop in the server (`server_cpu_us`), in the database's backends \
				(`db_cpu_us`) and in the load generator (`load_cpu_us`). The floor is the same load with \
				the same read sent without a key (10 s warm-up, 10 s counted), answered 401 with a problem body by \
				the API key filter: Tomcat, the filters and the metrics, no MVC dispatch, no database. \
				`floor_rps` (answers of any status per second) is what this machine serves at all with this server \
				and load generator, `floor_server_cpu_us` and `floor_load_cpu_us` its cost per request.""".formatted(MEMBERS, CLIENTS, TARGET_RPS);
	}

	@Override
	public void run(BenchRun run) throws Exception {
		for (int i = 0; i < run.runs(); i++) {
			try (var app = BenchApp.postgres(run, "balance-" + i)) {
				measure(run, app);
			}
		}
	}

	private static void measure(BenchRun run, BenchApp app) throws Exception {
		var shop = app.openShop();
		var data = ShopData.generate(42, MEMBERS, Instant.now());
		List<ShopData.Order> firsts = new ArrayList<>();
		var seen = new java.util.HashSet<String>();
		for (var order : data.orders()) {
			if (seen.add(order.customer().externalId())) {
				firsts.add(order);
			}
		}
		var load = app.load();
		var seeded = load.send(16, firsts.size(), n -> Events.post(shop.key(), firsts.get((int) n), 0));
		run.log("seeded " + firsts.size() + " members: " + seeded.summary());
		List<String> memberIds = new ArrayList<>();
		String cursor = null;
		do {
			var page = app.call(shop.key(), "GET", "/api/v1/members?limit=200" + (cursor == null ? "" : "&cursor=" + cursor), null);
			page.get("items").forEach(m -> memberIds.add(m.get("id").asString()));
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
		} while (cursor != null);
		byte[][] reads = memberIds.stream()
			.map(id -> Request.get("/api/v1/members/" + id + "/points", Map.of("Authorization", "Bearer " + shop.key())))
			.toArray(byte[][]::new);
		var random = new java.util.SplittableRandom(7);
		long[] order = random.longs(1 << 16, 0, reads.length).toArray();
		HttpLoad.Requests balances = n -> reads[(int) order[(int) (n & 0xFFFF)]];
		// The floor: the same read without a key, answered 401 by the API key filter with a problem body. It
		// goes through Tomcat, the filters and the metrics, without the MVC dispatch and the database.
		byte[] floorRequest = Request.get("/api/v1/members/" + memberIds.get(0) + "/points", Map.of());
		// Warm-ups apart, so that the CPU time counted is that of the counted requests only (not the JIT's).
		load.closedLoop(CLIENTS, Duration.ZERO, run.duration(Duration.ofSeconds(10)), balances);
		load.closedLoop(CLIENTS, Duration.ZERO, run.duration(Duration.ofSeconds(10)), n -> floorRequest);
		var floor = Measured.run(app,
				() -> load.closedLoop(CLIENTS, Duration.ZERO, run.duration(Duration.ofSeconds(10)), n -> floorRequest));
		run.log("floor (401 from the API key filter), " + CLIENTS + " clients: " + floor.summary());
		var closed = Measured.run(app,
				() -> load.closedLoop(CLIENTS, Duration.ZERO, run.duration(Duration.ofSeconds(20)), balances));
		run.log("closed loop, " + CLIENTS + " clients: " + closed.summary());
		var open = load.openLoop(closed.result().rate() * 0.8, 256, run.duration(Duration.ofSeconds(3)),
				run.duration(Duration.ofSeconds(10)), balances);
		run.log("open loop at 80%: " + open.summary());
		var atTarget = load.openLoop(TARGET_RPS, 256, run.duration(Duration.ofSeconds(3)),
				run.duration(Duration.ofSeconds(10)), balances);
		run.log("open loop at " + TARGET_RPS + "/s: " + atTarget.summary());
		run.sample("balance_rps", closed.result().rate());
		run.sample("closed_p99_ms", closed.result().percentileMillis(99));
		run.sample("p50_ms", open.percentileMillis(50));
		run.sample("p99_ms", open.percentileMillis(99));
		run.sample("target_p50_ms", atTarget.percentileMillis(50));
		run.sample("target_p99_ms", atTarget.percentileMillis(99));
		run.sample("server_cpu_us", closed.serverUs());
		run.sample("db_cpu_us", closed.databaseUs());
		run.sample("load_cpu_us", closed.loadUs());
		run.sample("floor_rps", (floor.result().ok() + floor.result().failed()) / floor.result().seconds());
		run.sample("floor_server_cpu_us", floor.serverUs());
		run.sample("floor_load_cpu_us", floor.loadUs());
		run.sample("rss_mb", app.residentMegabytes());
	}
}
