package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * Balance reads are answered from memory (philia.ledger.balance-cache, on by default) but never stale:
 * every kind of write to a member's points is seen by the next read, a rolled-back write leaves nothing
 * behind, and readers racing writers on real threads never see less than a write already acknowledged.
 * Each test reads before every write, so that a kept answer would be there to go stale.
 */
abstract class BalanceReadsContract extends LifecycleTest {

	@Autowired
	TransactionTemplate transactions;

	@Test
	void everyKindOfWriteIsSeenByTheNextRead() {
		var shop = shop("Europe/Paris", "{\"transfers\": {\"enabled\": true}}");
		String anna = pay(shop, "anna", "B-1", "150.00").at("/member/id").asString();
		assertThat(available(shop, anna)).as("earned by an event").isEqualTo(100);

		pay(shop, "anna", "B-2", "30.00");
		assertThat(available(shop, anna)).as("earned again").isEqualTo(120);

		adjust(shop, anna, -20, "adj-1");
		assertThat(available(shop, anna)).as("adjusted").isEqualTo(100);

		shop.api().event("refund-B-2", "{\"type\": \"order.refunded\", \"order\": {\"id\": \"B-2\"}}").expect(201);
		assertThat(available(shop, anna)).as("clawed back").isEqualTo(80);

		String reward = shop.api().post("/api/v1/rewards", """
				{"kind":"voucher","costPoints":50,"name":{"fr":"Bon","en":"Voucher"},
				 "coupon":{"discount":"amount","amount":"5.00","currency":"EUR"},"couponValidDays":90}""")
			.expect(201).body().get("id").asString();
		JsonNode redemption = shop.api()
			.post("/api/v1/members/" + anna + "/redemptions", "{\"rewardId\": \"" + reward + "\"}", "redeem-1")
			.expect(201).body();
		assertThat(available(shop, anna)).as("spent on a reward").isEqualTo(30);

		shop.api().post("/api/v1/redemptions/" + redemption.get("id").asString() + ":cancel", null).expect(200);
		assertThat(available(shop, anna)).as("restored by a cancellation").isEqualTo(80);

		String ben = pay(shop, "ben", "B-3", "15.00").at("/member/id").asString();
		assertThat(available(shop, ben)).isEqualTo(10);
		shop.api().post("/api/v1/members/" + anna + "/points/transfers",
				"{\"toMemberId\": \"" + ben + "\", \"points\": 30, \"reason\": \"gift\"}", "gift-1").expect(201);
		assertThat(available(shop, anna)).as("transfer sent").isEqualTo(50);
		assertThat(available(shop, ben)).as("transfer received").isEqualTo(40);

		shop.api().post("/api/v1/members/" + anna + ":merge", "{\"memberId\": \"" + ben + "\"}", "merge-1").expect(200);
		assertThat(available(shop, anna)).as("merged in").isEqualTo(90);
		assertThat(available(shop, ben)).as("merged out").isZero();
		assertHealthy(shop);
	}

	@Test
	void aRefundIntoDebtIsSeenByTheNextRead() {
		var shop = shop("Europe/Paris", "{\"debt\": {\"policy\": \"negative-balance\", \"limit\": 100}}");
		String member = pay(shop, "D-1", "D-1", "270.00").at("/member/id").asString();
		ledger.spend(shop.programId(), member, 150, Cause.redemption("reward", "R-1"));
		assertThat(available(shop, member)).isEqualTo(30);

		shop.api().event("refund-D-1", "{\"type\": \"order.refunded\", \"order\": {\"id\": \"D-1\"}}").expect(201);

		assertThat(available(shop, member)).isEqualTo(-100);
	}

	@Test
	void pendingPointsReleasedByTimeAndByTheJobAreSeenByTheNextRead() {
		var shop = shop("Europe/Paris", "{\"returnWindow\": {\"days\": 14, \"from\": \"paid\"}}");
		JsonNode paid = pay(shop, "P-1", "P-1", "150.00");
		String member = paid.at("/member/id").asString();
		Instant availableAt = Instant.parse(paid.at("/points/availableAt").asString());
		assertThat(points(shop, member).get("pending").asLong()).isEqualTo(100);

		clock.setTo(availableAt.plusSeconds(1));
		assertThat(points(shop, member).get("available").asLong()).as("due by the clock").isEqualTo(100);
		jobs.settle(shop.programId());

		JsonNode settled = points(shop, member);
		assertThat(settled.get("available").asLong()).as("booked by the job").isEqualTo(100);
		assertThat(settled.get("pending").asLong()).isZero();
	}

	@Test
	void pointsExpiredByTheJobAreSeenByTheNextRead() {
		var shop = shop("Europe/Paris", "{\"expiry\": {\"policy\": \"after-earning\", \"months\": 1}}");
		String member = pay(shop, "E-1", "E-1", "150.00").at("/member/id").asString();
		assertThat(available(shop, member)).isEqualTo(100);

		later(Duration.ofDays(40));
		assertThat(available(shop, member)).as("past its last day").isZero();
		jobs.settle(shop.programId());

		assertThat(available(shop, member)).as("expired by the job").isZero();
		adjust(shop, member, 5, "adj-after-expiry");
		assertThat(available(shop, member)).isEqualTo(5);
		assertHealthy(shop);
	}

	@Test
	void aRolledBackWriteLeavesTheBalanceAsItWas() {
		var shop = shop("Europe/Paris", "{}");
		String member = pay(shop, "R-1", "R-1", "150.00").at("/member/id").asString();
		assertThat(available(shop, member)).isEqualTo(100);

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			ledger.adjust(shop.programId(), member, 50, "rolled back", "test");
			assertThat(available(shop, member)).as("not committed: another thread sees the old balance").isEqualTo(100);
			throw new IllegalStateException("rolled back");
		})).hasMessage("rolled back");
		shop.api().post("/api/v1/members/" + member + "/points/adjustments",
				"{\"points\": -500, \"reason\": \"too much\", \"actor\": \"support\"}", "adj-refused")
			.expectProblem(422, "insufficient-points");

		assertThat(available(shop, member)).isEqualTo(100);
		adjust(shop, member, 1, "adj-after-rollback");
		assertThat(available(shop, member)).isEqualTo(101);
	}

	@Test
	void readersRacingWritersNeverSeeLessThanAnAcknowledgedBalance() throws Exception {
		var shop = shop("Europe/Paris", "{}");
		int members = 3;
		var ids = new ArrayList<String>();
		for (int m = 0; m < members; m++) {
			ids.add(pay(shop, "race-" + m, "race-" + m, "15.00").at("/member/id").asString());
		}
		// Balances only grow here: what a writer was told is a floor for every read started after.
		var acknowledged = new AtomicLongArray(members);
		for (int m = 0; m < members; m++) {
			acknowledged.set(m, 10);
		}
		int writesPerWriter = 60;
		int readsPerReader = 400;
		var start = new CountDownLatch(1);
		var calls = new ArrayList<Callable<Long>>();
		for (int w = 0; w < 3; w++) {
			int writer = w;
			calls.add(() -> {
				start.await();
				for (int i = 0; i < writesPerWriter; i++) {
					int m = (writer + i) % members;
					long after;
					if (writer == 0) {
						after = pay(shop, "race-" + m, "race-" + writer + "-" + i, "15.00").at("/balance/available").asLong();
					}
					else {
						after = ledger.adjust(shop.programId(), ids.get(m), 1, "race", "test").availableAfter();
					}
					acknowledged.accumulateAndGet(m, after, Math::max);
				}
				return 0L;
			});
		}
		for (int r = 0; r < 4; r++) {
			int reader = r;
			calls.add(() -> {
				start.await();
				long stale = 0;
				for (int i = 0; i < readsPerReader; i++) {
					int m = (reader + i) % members;
					long floor = acknowledged.get(m);
					long read = available(shop, ids.get(m));
					if (read < floor) {
						stale++;
					}
				}
				return stale;
			});
		}

		List<Future<Long>> results;
		try (var threads = Executors.newFixedThreadPool(calls.size())) {
			results = calls.stream().map(threads::submit).toList();
			start.countDown();
		}

		for (Future<Long> result : results) {
			assertThat(result.get()).as("reads older than an acknowledged write").isZero();
		}
		long expected = members * 10L + writesPerWriter * 10L + 2L * writesPerWriter;
		assertThat(ids.stream().mapToLong(id -> available(shop, id)).sum()).isEqualTo(expected);
		assertHealthy(shop);
	}

	@Test
	void theReadAnsweredBeforeTheDispatchIsTheControllersAnswer() {
		var shop = shop("Europe/Paris", "{\"returnWindow\": {\"days\": 14, \"from\": \"paid\"}, "
				+ "\"expiry\": {\"policy\": \"after-earning\", \"months\": 12}}");
		String member = pay(shop, "L-1", "L-1", "150.00").at("/member/id").asString();
		String path = "/api/v1/members/" + member + "/points";

		long counted = balanceReadsCounted();
		var fast = shop.api().get(path).expect(200);
		assertThat(countedOnceSettled(counted + 1)).as("in the HTTP metrics under the endpoint's path pattern")
			.isEqualTo(counted + 1);
		// Another Accept header goes on to the controller.
		var dispatched = shop.api().send("GET", path, null, Map.of("Accept", "application/json, text/plain;q=0.5"))
			.expect(200);

		assertThat(fast.raw().body()).isEqualTo(dispatched.raw().body()).contains("\"pending\":100", "\"releases\"");
		assertThat(fast.header("Content-Type")).isEqualTo(dispatched.header("Content-Type"));
		var other = shop("Europe/Paris", "{}");
		other.api().get(path).expectProblem(404, "member-not-found");
		shop.api().get("/api/v1/members/no-such-member/points").expectProblem(404, "member-not-found");
		shop.api().withKey(null).get(path).expectProblem(401, "unauthenticated");
		String newcomer = shop.api().post("/api/v1/members", "{\"externalId\": \"L-2\"}").expect(201).body().get("id")
			.asString();
		assertThat(points(shop, newcomer).get("available").asLong()).as("no points yet").isZero();
	}

	/**
	 * The count once it reached {@code expected} or two seconds passed: the server records a request in its
	 * metrics when the request's handling ends, which may be just after the client has the whole answer.
	 */
	private long countedOnceSettled(long expected) {
		long deadline = System.nanoTime() + 2_000_000_000L;
		long counted = balanceReadsCounted();
		while (counted < expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			counted = balanceReadsCounted();
		}
		return counted;
	}

	/** Balance reads answered 200 so far, as the HTTP server metrics count them. */
	private long balanceReadsCounted() {
		return admin.withKey(null).get("/actuator/prometheus").expect(200).raw().body().lines()
			.filter(line -> line.startsWith("http_server_requests_seconds_count{")
					&& line.contains("method=\"GET\"") && line.contains("status=\"200\"")
					&& line.contains("uri=\"/api/v1/members/{memberId}/points\""))
			.mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private long available(Shop shop, String memberId) {
		return points(shop, memberId).get("available").asLong();
	}

	private void adjust(Shop shop, String memberId, long points, String key) {
		shop.api().post("/api/v1/members/" + memberId + "/points/adjustments",
				"{\"points\": " + points + ", \"reason\": \"support\", \"actor\": \"support\"}", key).expect(201);
	}
}
