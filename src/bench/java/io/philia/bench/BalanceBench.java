package io.philia.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.philia.bench.load.Request;
import io.philia.demo.ShopData;

/** Balance reads over HTTP: the call a shop makes on every page that shows the points. */
public final class BalanceBench implements Bench {

	static final int MEMBERS = 2_000;

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
				The application runs in its own JVM in production mode (`java -jar target/philia.jar`, prod \
				profile) on a fresh PostgreSQL database. %d members each get a paid order through the API; then \
				`GET /api/v1/members/{id}/points` of a random member is read by 64 closed-loop clients (keep-alive \
				connections, virtual threads; 10 s warm-up, 20 s counted): `balance_rps` is the rate, \
				`closed_p99_ms` its p99. An open-loop run at 80%% of that rate (latency from each request's due \
				time, 10 s counted) gives `p50_ms` and `p99_ms`. The load generator shares the machine's cores \
				with the server and the database.""".formatted(MEMBERS);
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
		var closed = load.closedLoop(64, run.duration(Duration.ofSeconds(10)), run.duration(Duration.ofSeconds(20)),
				n -> reads[(int) order[(int) (n & 0xFFFF)]]);
		run.log("closed loop, 64 clients: " + closed.summary());
		var open = load.openLoop(closed.rate() * 0.8, 256, run.duration(Duration.ofSeconds(3)),
				run.duration(Duration.ofSeconds(10)), n -> reads[(int) order[(int) (n & 0xFFFF)]]);
		run.log("open loop at 80%: " + open.summary());
		run.sample("balance_rps", closed.rate());
		run.sample("closed_p99_ms", closed.percentileMillis(99));
		run.sample("p50_ms", open.percentileMillis(50));
		run.sample("p99_ms", open.percentileMillis(99));
		run.sample("rss_mb", app.residentMegabytes());
	}
}
