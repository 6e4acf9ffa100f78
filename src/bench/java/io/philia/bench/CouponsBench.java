package io.philia.bench;

import java.util.UUID;

/** Bulk generation of unique coupon codes for a campaign, through the API, on PostgreSQL (issue #6). */
public final class CouponsBench implements Bench {

	static final long CODES = 1_000_000;

	@Override
	public String name() {
		return "coupons";
	}

	@Override
	public String title() {
		return "bulk generation of 1,000,000 unique coupon codes (target < 30 s on PostgreSQL)";
	}

	@Override
	public String method() {
		return """
				The application runs in its own JVM in production mode on a fresh PostgreSQL database. A campaign \
				of unique single-use codes (prefix FLY) is created, then one `POST \
				/api/v1/coupon-campaigns/{id}/codes:generate` with `{"count": 1000000}` is timed from request to \
				answer: 60 random bits per code from a SecureRandom, COPY into a temporary table, one `insert … \
				select … on conflict do nothing` into the coupon table (primary key on programme and code), all \
				in the request's transaction with its idempotency record. `generate_s` is that time, \
				`codes_per_s` the rate; each run has its own database. A quick run makes 100,000 codes and \
				reports the time scaled to a million. A first request of 20,000 codes, not timed, warms the JVM up.""";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		long count = run.quick() ? CODES / 10 : CODES;
		for (int i = 0; i < run.runs(); i++) {
			try (var app = BenchApp.postgres(run, "coupons-" + i)) {
				var shop = app.openShop();
				String campaign = app.call(shop.key(), "POST", "/api/v1/coupon-campaigns", """
						{"type":"codes","name":"Flyer %s","prefix":"FLY",
						 "terms":{"discount":"amount","amount":"5.00","currency":"EUR"}}""".formatted(UUID.randomUUID()))
					.get("id")
					.asString();
				// A first, small request warms the JVM up (the figure is the generation, not the JIT).
				app.call(shop.key(), "POST", "/api/v1/coupon-campaigns/" + campaign + "/codes:generate", "{\"count\": 20000}");
				long before = 20_000;
				long start = System.nanoTime();
				var answer = app.call(shop.key(), "POST", "/api/v1/coupon-campaigns/" + campaign + "/codes:generate",
						"{\"count\": " + count + "}");
				double seconds = (System.nanoTime() - start) / 1e9;
				if (answer.get("total").asLong() != count + before) {
					throw new IllegalStateException("the campaign has " + answer.get("total") + " codes, not " + count);
				}
				run.log(count + " codes in " + "%.2f".formatted(seconds) + " s");
				run.sample("generate_s", seconds * CODES / count);
				run.sample("codes_per_s", count / seconds);
			}
		}
	}
}
