package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Points between members of one programme, within its limits, expiry dates kept; merges of accounts. */
abstract class TransfersContract extends LifecycleTest {

	static final String LIMITS = """
			{"transfers": {"enabled": true, "maxPoints": 500, "maxSentPerMonth": 700},
			 "expiry": {"policy": "after-earning", "months": 12}}""";

	@Test
	void aTransferMovesPointsWithTheirExpiryWithinTheProgrammesLimits() {
		var shop = shop("Europe/Paris", LIMITS);
		String anna = pay(shop, "T-anna", "T-1", "1500.00").at("/member/id").asString();
		String ben = pay(shop, "T-ben", "T-2", "15.00").at("/member/id").asString();
		String annaExpiry = points(shop, anna).at("/expiring/0/on").asString();

		JsonNode transfer = send(shop, anna, ben, 400, "gift-1").expect(201).body();

		assertThat(transfer.at("/sent/points").asLong()).isEqualTo(-400);
		assertThat(transfer.at("/received/points").asLong()).isEqualTo(400);
		assertThat(points(shop, anna).get("available").asLong()).isEqualTo(600);
		assertThat(points(shop, ben).get("available").asLong()).isEqualTo(410);
		assertThat(points(shop, ben).get("expiring").toString()).contains(annaExpiry);
		assertThat(send(shop, anna, ben, 400, "gift-1").expect(201).header("Idempotent-Replayed")).isEqualTo("true");
		send(shop, anna, ben, 501, "gift-2").expectProblem(422, "transfer-limit-exceeded");
		send(shop, anna, ben, 301, "gift-3").expectProblem(422, "transfer-limit-exceeded");
		send(shop, ben, anna, 411, "gift-4").expectProblem(422, "insufficient-points");
		send(shop, anna, anna, 1, "gift-5").expectProblem(422, "same-member");
		assertThat(points(shop, anna).get("available").asLong()).isEqualTo(600);
		assertHealthy(shop);
	}

	@Test
	void transfersAreOffUntilTheProgrammeAllowsThem() {
		var shop = shop("Europe/Paris", "{}");
		String anna = pay(shop, "T-anna", "T-3", "150.00").at("/member/id").asString();
		String ben = pay(shop, "T-ben", "T-4", "15.00").at("/member/id").asString();

		send(shop, anna, ben, 10, "gift-off").expectProblem(403, "transfers-disabled");

		assertThat(points(shop, anna).get("available").asLong()).isEqualTo(100);
	}

	@Test
	void transfersBetweenTwoMembersInBothDirectionsAtOnceNeitherDeadlockNorLosePoints() throws Exception {
		var shop = shop("Europe/Paris", "{\"transfers\": {\"enabled\": true}}");
		String anna = pay(shop, "T-anna", "T-5", "1500.00").at("/member/id").asString();
		String ben = pay(shop, "T-ben", "T-6", "1500.00").at("/member/id").asString();
		var calls = new ArrayList<Callable<Integer>>();
		for (int i = 0; i < 40; i++) {
			int n = i;
			calls.add(() -> n % 2 == 0 ? send(shop, anna, ben, 7, "ab-" + n).status() : send(shop, ben, anna, 3, "ba-" + n).status());
		}

		var statuses = new ArrayList<Integer>();
		try (var threads = Executors.newFixedThreadPool(16)) {
			for (Future<Integer> f : threads.invokeAll(calls)) {
				statuses.add(f.get());
			}
		}

		assertThat(statuses).containsOnly(201);
		assertThat(points(shop, anna).get("available").asLong()).isEqualTo(1000 - 20 * 7 + 20 * 3);
		assertThat(points(shop, ben).get("available").asLong()).isEqualTo(1000 + 20 * 7 - 20 * 3);
		assertHealthy(shop);
	}

	@Test
	void mergingTwoAccountsOfOnePersonKeepsEveryLotAndAllHistory() {
		var shop = shop("Europe/Paris", "{\"returnWindow\": {\"days\": 14}, \"expiry\": {\"policy\": \"after-earning\", \"months\": 12}}");
		String main = pay(shop, "M-main", "M-1", "150.00").at("/member/id").asString();
		String twin = pay(shop, "M-twin", "M-2", "300.00").at("/member/id").asString();
		shop.api().post("/api/v1/members/" + twin + "/points/adjustments",
				"{\"points\": 20, \"reason\": \"goodwill\", \"actor\": \"support:marc\"}", "adj-twin").expect(201);

		JsonNode merge = shop.api()
			.post("/api/v1/members/" + main + ":merge", "{\"memberId\": \"" + twin + "\", \"actor\": \"support:marc\"}",
					"merge-1")
			.expect(200)
			.body();

		assertThat(merge.get("available").asLong()).isEqualTo(20);
		assertThat(merge.get("pending").asLong()).isEqualTo(200);
		assertThat(merge.get("lots").asInt()).isEqualTo(2);
		JsonNode view = points(shop, main);
		assertThat(view.get("pending").asLong()).isEqualTo(300);
		assertThat(view.get("available").asLong()).isEqualTo(20);
		assertThat(points(shop, twin).get("pending").asLong()).isZero();
		JsonNode history = shop.api().get("/api/v1/members/" + main + "/points/history").expect(200).body();
		assertThat(history.get("items").findValuesAsString("kind")).contains("merge-in", "merge-out", "adjustment")
			.filteredOn("earn"::equals)
			.hasSize(2);
		assertThat(shop.api().get("/api/v1/members/" + twin).expect(200).body().get("mergedInto").asString()).isEqualTo(main);

		JsonNode later = pay(shop, "M-twin", "M-3", "15.00");
		assertThat(later.at("/member/id").asString()).as("events naming the absorbed account").isEqualTo(main);
		JsonNode refund = shop.api().event("refund-M-2", "{\"type\": \"order.refunded\", \"order\": {\"id\": \"M-2\"}}")
			.expect(201)
			.body();
		assertThat(refund.at("/points/clawedBack").asLong()).isEqualTo(200);
		assertThat(points(shop, main).get("pending").asLong()).isEqualTo(110);
		shop.api()
			.post("/api/v1/members/" + main + ":merge", "{\"memberId\": \"" + twin + "\"}", "merge-2")
			.expectProblem(409, "member-merged");
		assertHealthy(shop);
	}

	@Test
	void anAccountCannotSendPointsToItselfThroughAnAccountMergedIntoIt() {
		var shop = shop("Europe/Paris", """
				{"transfers": {"enabled": true, "maxSentPerMonth": 110}, "expiry": {"policy": "after-earning", "months": 12}}""");
		String main = pay(shop, "S-main", "S-1", "150.00").at("/member/id").asString();
		String twin = pay(shop, "S-twin", "S-2", "30.00").at("/member/id").asString();
		String friend = pay(shop, "S-friend", "S-3", "15.00").at("/member/id").asString();
		shop.api().post("/api/v1/members/" + main + ":merge", "{\"memberId\": \"" + twin + "\"}", "merge-s").expect(200);

		send(shop, main, twin, 50, "self-1").expectProblem(422, "same-member");
		send(shop, twin, main, 50, "self-2").expectProblem(422, "same-member");

		assertThat(points(shop, main).get("available").asLong()).isEqualTo(120);
		assertHealthy(shop);
		send(shop, main, friend, 100, "to-friend").expect(201);
		send(shop, twin, friend, 20, "via-twin").expectProblem(422, "transfer-limit-exceeded");
		assertThat(points(shop, main).get("available").asLong()).as("the monthly limit is the survivor's").isEqualTo(20);
		assertHealthy(shop);
	}

	private io.philia.support.Api.Response send(Shop shop, String from, String to, long points, String key) {
		return shop.api()
			.post("/api/v1/members/" + from + "/points/transfers",
					"{\"toMemberId\": \"" + to + "\", \"points\": " + points + ", \"reason\": \"gift\"}", key);
	}
}
