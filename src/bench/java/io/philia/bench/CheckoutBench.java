package io.philia.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import io.philia.bench.load.Request;

/** Coupon validation at the shop's checkout over HTTP, open loop, on PostgreSQL (issue #6). */
public final class CheckoutBench implements Bench {

	static final double RATE = 2_000;

	static final int UNIQUE_CODES = 20_000;

	@Override
	public String name() {
		return "checkout";
	}

	@Override
	public String title() {
		return "coupon validation over HTTP at 2,000 requests/s (target p99 < 10 ms on PostgreSQL)";
	}

	@Override
	public String method() {
		return """
				The application runs in its own JVM in production mode on a fresh PostgreSQL database, with a \
				promo code (25%% on wine from 50.00) and a campaign of %d unique codes. Requests are `POST \
				/api/v1/coupons/{code}:validate` with a cart of 1 to 4 lines and a customer (the shop's id of a \
				guest and an IP address): half the promo code, half a random unique code, every one valid, \
				built before the run (the wine line always reaches the promo's minimum basket). First a closed \
				loop of 64 clients (30 s not counted: the JIT compiler is still busy after 10 s on two shared \
				cores; then 10 s) gives `max_rps`, the most the server answers, \
				and the CPU time per validation over those 10 s in the server (`server_cpu_us`), in the \
				database's backends (`db_cpu_us`) and in the load generator (`load_cpu_us`), steadier than the \
				rates on a shared machine. Then an open loop sends %.0f requests/s evenly spaced (3 s not counted, \
				then 20 s; 256 connections at most in flight; latency from each request's due time, so a \
				server slower than the rate shows as a growing queue): `p50_ms`, `p99_ms`, `p999_ms`, and \
				`rps` the answers per second (all must be 200). The load generator shares the machine's cores \
				with the server and the database.""".formatted(UNIQUE_CODES, RATE);
	}

	@Override
	public void run(BenchRun run) throws Exception {
		for (int i = 0; i < run.runs(); i++) {
			try (var app = BenchApp.postgres(run, "checkout-" + i)) {
				measure(run, app);
			}
		}
	}

	private static void measure(BenchRun run, BenchApp app) throws Exception {
		var shop = app.openShop();
		app.call(shop.key(), "POST", "/api/v1/coupon-campaigns", """
				{"type":"promo","name":"Christmas","code":"NOEL25",
				 "terms":{"discount":"percentage","percent":25,"minimumBasket":"50.00","currency":"EUR",
				          "scope":{"categories":["wine"]}}}""");
		String campaign = app.call(shop.key(), "POST", "/api/v1/coupon-campaigns", """
				{"type":"codes","name":"Flyer","prefix":"FLY","terms":{"discount":"amount","amount":"5.00","currency":"EUR"}}""")
			.get("id")
			.asString();
		app.call(shop.key(), "POST", "/api/v1/coupon-campaigns/" + campaign + "/codes:generate",
				"{\"count\": " + UNIQUE_CODES + "}");
		List<String> codes = export(app, shop.key(), campaign);
		byte[][] requests = requests(shop.key(), codes);
		var load = app.load();
		// The warm-up apart, so that the CPU time counted is that of the counted requests only (not the JIT's).
		load.closedLoop(64, Duration.ZERO, run.duration(Duration.ofSeconds(30)), n -> requests[(int) (n % requests.length)]);
		var closed = Measured.run(app, () -> load.closedLoop(64, Duration.ZERO, run.duration(Duration.ofSeconds(10)),
				n -> requests[(int) (n % requests.length)]));
		var warm = closed.result();
		run.log("closed loop, 64 clients: " + closed.summary());
		var open = load.openLoop(RATE, 256, run.duration(Duration.ofSeconds(3)), run.duration(Duration.ofSeconds(20)),
				n -> requests[(int) (n % requests.length)]);
		run.log("open loop at " + RATE + "/s: " + open.summary());
		if (open.failed() > 0 || warm.failed() > 0) {
			throw new IllegalStateException("validations failed: " + open.statuses() + " " + warm.statuses());
		}
		run.sample("rps", open.rate());
		run.sample("p50_ms", open.percentileMillis(50));
		run.sample("p99_ms", open.percentileMillis(99));
		run.sample("p999_ms", open.percentileMillis(99.9));
		run.sample("max_rps", warm.rate());
		run.sample("server_cpu_us", closed.serverUs());
		run.sample("db_cpu_us", closed.databaseUs());
		run.sample("load_cpu_us", closed.loadUs());
	}

	private static List<String> export(BenchApp app, String key, String campaign) throws Exception {
		var request = HttpRequest.newBuilder(
				URI.create(app.process().baseUrl() + "/api/v1/coupon-campaigns/" + campaign + "/codes"))
			.header("Authorization", "Bearer " + key)
			.build();
		String csv = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
		return csv.lines().skip(1).map(line -> line.split(",")[0]).toList();
	}

	/** 8192 different valid validations, built once. */
	private static byte[][] requests(String key, List<String> codes) {
		var random = new SplittableRandom(6);
		byte[][] requests = new byte[8192][];
		for (int i = 0; i < requests.length; i++) {
			String code = i % 2 == 0 ? "NOEL25" : codes.get(random.nextInt(codes.size()));
			var lines = new StringBuilder();
			int count = 1 + random.nextInt(4);
			for (int l = 0; l < count; l++) {
				lines.append(l == 0 ? "" : ",")
					.append("{\"sku\":\"W-%d\",\"category\":\"%s\",\"quantity\":%d,\"unitPrice\":\"%d.00\"}".formatted(
							random.nextInt(500), l == 0 ? "wine" : "cheese", l == 0 ? 2 + random.nextInt(3) : 1 + random.nextInt(3),
							30 + random.nextInt(40)));
			}
			String body = """
					{"customer":{"externalId":"G-%d","ip":"10.%d.%d.%d"},
					 "cart":{"currency":"EUR","shipping":"5.90","lines":[%s]}}""".formatted(random.nextInt(100_000),
					random.nextInt(256), random.nextInt(256), random.nextInt(256), lines);
			requests[i] = Request.post("/api/v1/coupons/" + code + ":validate",
					Map.of("Authorization", "Bearer " + key), body);
		}
		return requests;
	}
}
