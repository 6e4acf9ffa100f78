package io.philia.reward;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.philia.support.Api;
import io.philia.support.Api.Response;
import io.philia.support.HttpTest;
import io.philia.support.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * Base of the reward contracts: a movable clock, members with points, a tier module stand-in, and real
 * threads for concurrency. All reward contracts share one application context.
 */
@Import({ MovableClock.Config.class, RewardTest.Tiers.class })
abstract class RewardTest extends HttpTest {

	/** Members' tiers as a test sets them; what a tier module would answer. */
	static final Map<String, String> TIERS = new ConcurrentHashMap<>();

	@Autowired
	MovableClock clock;

	@TestConfiguration(proxyBeanMethods = false)
	static class Tiers {

		@Bean
		MemberTiers testTiers() {
			return (programId, memberId) -> Optional.ofNullable(TIERS.get(memberId));
		}
	}

	static final String WINE_CART = """
			{"currency":"EUR","shipping":"5.90","lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"37.00"}]}""";

	static String promo(Api api, String code, String extra) {
		create(api, "/api/v1/coupon-campaigns", """
				{"type":"promo","name":"Promo","code":"%s",%s
				 "terms":{"discount":"percentage","percent":25,"minimumBasket":"50.00","currency":"EUR",
				          "scope":{"categories":["wine"]}}}""".formatted(code, extra.isEmpty() ? "" : extra + ","));
		return code;
	}

	static Response validate(Api api, String code, String customer, String cart) {
		return api.post("/api/v1/coupons/" + code + ":validate",
				"{\"customer\": " + customer + ", \"cart\": " + cart + "}");
	}

	/** A campaign of unique single-use codes with a few codes; returns them. */
	static List<String> uniqueCodes(Api api, int count) {
		String campaign = create(api, "/api/v1/coupon-campaigns", """
				{"type":"codes","name":"Flyer","prefix":"fly",
				 "terms":{"discount":"amount","amount":"5.00","currency":"EUR"}}""");
		api.post("/api/v1/coupon-campaigns/" + campaign + "/codes:generate", "{\"count\": " + count + "}", "gen-" + campaign)
			.expect(201);
		String csv = api.get("/api/v1/coupon-campaigns/" + campaign + "/codes").expect(200).raw().body();
		return csv.lines().skip(1).map(line -> line.split(",")[0]).toList();
	}

	/** The first entry of this kind in a history (entries of one transaction may share a millisecond). */
	static JsonNode entry(JsonNode history, String kind) {
		for (JsonNode entry : history) {
			if (entry.get("kind").asString().equals(kind)) {
				return entry;
			}
		}
		throw new AssertionError("no " + kind + " in " + history);
	}

	/** Enrols a member and gives them points by an adjustment; returns their id. */
	static String aMemberWithPoints(Api api, String externalId, long points) {
		String id = api.post("/api/v1/members", "{\"externalId\": \"" + externalId + "\", \"locale\": \"fr\"}")
			.expect(201)
			.body()
			.get("id")
			.asString();
		if (points > 0) {
			api.post("/api/v1/members/" + id + "/points/adjustments",
					"{\"points\": " + points + ", \"reason\": \"test\", \"actor\": \"test\"}", "adj-" + id).expect(201);
		}
		return id;
	}

	static long available(Api api, String memberId) {
		return api.get("/api/v1/members/" + memberId + "/points").expect(200).points("available");
	}

	static String create(Api api, String path, String body) {
		return api.post(path, body).expect(201).body().get("id").asString();
	}

	interface Call {
		Response call(int i);
	}

	/** Runs the calls on real threads, released together. */
	static List<Response> concurrently(int n, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			var start = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return call.call(index);
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> f : futures) {
				responses.add(f.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	static long count(List<Response> responses, int status) {
		return responses.stream().filter(r -> r.status() == status).count();
	}
}
