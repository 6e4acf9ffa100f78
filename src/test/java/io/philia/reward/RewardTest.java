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
import org.springframework.test.context.TestPropertySource;

import io.philia.support.Api;
import io.philia.support.Api.Response;
import io.philia.support.HttpTest;
import io.philia.support.MovableClock;

/**
 * Base of the reward contracts: a movable clock, members with points, a tier module stand-in, and real
 * threads for concurrency. All reward contracts share one application context.
 */
@Import({ MovableClock.Config.class, RewardTest.Tiers.class })
// A context of its own (the clock, the tiers): it keeps few connections while idle, so that the test run's
// other contexts (and other runs on the same PostgreSQL server) do not run out of them.
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=12",
		"spring.datasource.hikari.minimum-idle=1", "spring.datasource.hikari.idle-timeout=10000" })
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
