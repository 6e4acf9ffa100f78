package io.philia.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** The members API as a shop's developer uses it. */
abstract class MembersContract extends HttpTest {

	static final String ANNE = """
			{"externalId":"C-42","email":"Anne@Example.com","phone":"+33 6 12 34 56 78","firstName":"Anne",
			 "lastName":"Martin","birthDate":"1990-04-12","locale":"fr",
			 "consents":{"email":{"granted":true,"at":"2026-11-01T10:00:00Z"},"sms":{"granted":false}},
			 "attributes":{"favouriteGrape":"syrah","vip":true}}""";

	@Test
	void aMemberEnrolledThroughTheApiCanBeReadBackAndFound() {
		var shop = newShop();

		JsonNode created = shop.api().post("/api/v1/members", ANNE).expect(201).body();
		String id = created.get("id").asString();

		JsonNode read = shop.api().get("/api/v1/members/" + id).expect(200).body();
		assertThat(read.get("email").asString()).isEqualTo("Anne@Example.com");
		assertThat(read.get("birthDate").asString()).isEqualTo("1990-04-12");
		assertThat(read.at("/consents/email/granted").asBoolean()).isTrue();
		assertThat(read.at("/consents/email/at").asString()).isEqualTo("2026-11-01T10:00:00Z");
		assertThat(read.at("/consents/sms/granted").asBoolean()).isFalse();
		assertThat(read.at("/attributes/favouriteGrape").asString()).isEqualTo("syrah");
		assertThat(shop.api().get("/api/v1/members?externalId=C-42").body().at("/items/0/id").asString()).isEqualTo(id);
		assertThat(shop.api().get("/api/v1/members?email=anne@example.com").body().at("/items/0/id").asString())
			.isEqualTo(id);
	}

	@Test
	void aSecondMemberWithTheSameExternalIdOrEmailIsA409() {
		var shop = newShop();
		shop.api().post("/api/v1/members", ANNE).expect(201);

		shop.api().post("/api/v1/members", "{\"externalId\":\"C-42\"}").expectProblem(409, "member-already-exists");
		shop.api().post("/api/v1/members", "{\"email\":\"anne@example.COM\"}").expectProblem(409, "member-already-exists");

		assertThat(shop.api().get("/api/v1/members").body().get("items")).hasSize(1);
	}

	@Test
	void twentyConcurrentEnrolmentsOfOneCustomerMakeOneMember() throws Exception {
		var shop = newShop();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
		var start = new java.util.concurrent.CountDownLatch(1);
		var statuses = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
		for (int i = 0; i < 20; i++) {
			statuses.add(pool.submit(() -> {
				start.await();
				return shop.api().post("/api/v1/members", "{\"externalId\":\"C-1\"}").status();
			}));
		}
		start.countDown();
		var results = new java.util.ArrayList<Integer>();
		for (var status : statuses) {
			results.add(status.get());
		}
		pool.shutdown();

		assertThat(results).containsOnly(201, 409);
		assertThat(results).filteredOn(s -> s == 201).hasSize(1);
		JsonNode members = shop.api().get("/api/v1/members").body();
		assertThat(members.get("items")).hasSize(1);
		shop.api().get("/api/v1/members/" + members.at("/items/0/id").asString()).expect(200);
	}

	@Test
	void anEnrolmentRetriedWithItsIdempotencyKeyReturnsTheSameMember() {
		var shop = newShop();

		JsonNode first = shop.api().post("/api/v1/members", ANNE, "enrol-anne").expect(201).body();
		var again = shop.api().post("/api/v1/members", ANNE, "enrol-anne").expect(201);

		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.body().get("id")).isEqualTo(first.get("id"));
	}

	@Test
	void invalidFieldsAreAllReportedAndNothingIsEnrolled() {
		var shop = newShop();

		JsonNode problem = shop.api().post("/api/v1/members", """
				{"email":"nope","phone":"call me","birthDate":"2990-01-01","locale":"de",
				 "consents":{"email":{}},"attributes":[1,2]}""").expectProblem(400, "validation").body();

		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains("email", "phone",
				"birthDate", "locale", "consents.email.granted", "attributes");
		shop.api().post("/api/v1/members", "{}").expectProblem(400, "validation");
		JsonNode farAway = shop.api().post("/api/v1/members", """
				{"externalId":"F-1","consents":{"email":{"granted":true,"at":"+999999999-12-31T23:59:59Z"}}}""")
			.expectProblem(400, "validation")
			.body();
		assertThat(farAway.at("/errors/0/field").asString()).isEqualTo("consents.email.at");
		assertThat(shop.api().get("/api/v1/members").body().get("items")).isEmpty();
	}

	@Test
	void aPatchChangesOnlyWhatItNamesAndNullClears() {
		var shop = newShop();
		String id = shop.api().post("/api/v1/members", ANNE).expect(201).body().get("id").asString();

		JsonNode changed = shop.api().patch("/api/v1/members/" + id, """
				{"firstName":"Anne-Marie","phone":null,"consents":{"sms":{"granted":true}},
				 "attributes":{"vip":null,"size":"M"}}""").expect(200).body();

		assertThat(changed.get("firstName").asString()).isEqualTo("Anne-Marie");
		assertThat(changed.has("phone")).isFalse();
		assertThat(changed.get("lastName").asString()).isEqualTo("Martin");
		assertThat(changed.at("/consents/sms/granted").asBoolean()).isTrue();
		assertThat(changed.at("/consents/email/granted").asBoolean()).isTrue();
		assertThat(changed.get("attributes").has("vip")).isFalse();
		assertThat(changed.at("/attributes/size").asString()).isEqualTo("M");
		assertThat(shop.api().get("/api/v1/members/" + id).body()).isEqualTo(changed);
	}

	@Test
	void aPatchWithABadFieldChangesNothing() {
		var shop = newShop();
		String id = shop.api().post("/api/v1/members", ANNE).expect(201).body().get("id").asString();

		shop.api().patch("/api/v1/members/" + id, "{\"firstName\":\"Zoé\",\"email\":42}").expectProblem(400, "validation");
		shop.api().patch("/api/v1/members/" + id, "{\"tier\":\"gold\"}").expectProblem(400, "validation");

		assertThat(shop.api().get("/api/v1/members/" + id).body().get("firstName").asString()).isEqualTo("Anne");
	}

	@Test
	void theListPagesByCursorThroughEveryMemberOnce() {
		var shop = newShop();
		for (int i = 0; i < 7; i++) {
			shop.api().post("/api/v1/members", "{\"externalId\":\"C-" + i + "\"}").expect(201);
		}

		Set<String> seen = new HashSet<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = shop.api().get("/api/v1/members?limit=3" + (cursor == null ? "" : "&cursor=" + cursor))
				.expect(200)
				.body();
			page.get("items").forEach(m -> assertThat(seen.add(m.get("id").asString())).isTrue());
			cursor = page.has("nextCursor") ? page.get("nextCursor").asString() : null;
			pages++;
		}
		while (cursor != null);

		assertThat(seen).hasSize(7);
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void aProgrammeSeesNothingOfAnother() {
		var shopA = newShop();
		var shopB = newShop();
		String anneOfA = shopA.api().post("/api/v1/members", ANNE).expect(201).body().get("id").asString();
		shopA.api().event("paid", """
				{"type":"order.paid","member":{"externalId":"C-42"},"order":{"id":"1","currency":"EUR","total":"150.00"}}""")
			.expect(201);

		shopB.api().get("/api/v1/members/" + anneOfA).expectProblem(404, "member-not-found");
		shopB.api().get("/api/v1/members/" + anneOfA + "/points").expectProblem(404, "member-not-found");
		shopB.api().get("/api/v1/members/" + anneOfA + "/points/history").expectProblem(404, "member-not-found");
		shopB.api().patch("/api/v1/members/" + anneOfA, "{\"firstName\":\"Eve\"}").expectProblem(404, "member-not-found");
		shopB.api().post("/api/v1/members/" + anneOfA + "/points/adjustments",
				"{\"points\":-100,\"reason\":\"steal\",\"actor\":\"eve\"}", "k").expectProblem(404, "member-not-found");
		shopB.api().event("refund", "{\"type\":\"order.refunded\",\"order\":{\"id\":\"1\"}}")
			.expectProblem(422, "order-unknown");
		assertThat(shopB.api().get("/api/v1/members?externalId=C-42").body().get("items")).isEmpty();
		assertThat(shopB.api().get("/api/v1/members").body().get("items")).isEmpty();

		// The same customer may join both programmes: they are two members.
		shopB.api().post("/api/v1/members", ANNE).expect(201);
		assertThat(shopA.api().get("/api/v1/members/" + anneOfA + "/points").points("available")).isEqualTo(100);
		assertThat(shopA.api().get("/api/v1/members/" + anneOfA).body().get("firstName").asString()).isEqualTo("Anne");
	}

	@Test
	void aMemberWithoutPointsYetHasZeroAndAnUnknownMemberIsNotFound() {
		var shop = newShop();
		String id = shop.api().post("/api/v1/members", ANNE).expect(201).body().get("id").asString();

		JsonNode points = shop.api().get("/api/v1/members/" + id + "/points").expect(200).body();

		assertThat(points.get("available").asLong()).isZero();
		assertThat(points.get("pending").asLong()).isZero();
		assertThat(points.get("lifetimeEarned").asLong()).isZero();
		assertThat(points.has("expiring")).isFalse();
		shop.api().get("/api/v1/members/" + io.philia.platform.Ids.next(java.time.Clock.systemUTC()) + "/points")
			.expectProblem(404, "member-not-found");
		shop.api().get("/api/v1/members/not-an-id/points").expectProblem(404, "member-not-found");
	}

	@Test
	void manualAdjustmentsAreIdempotentAndNeverLeaveANegativeBalance() {
		var shop = newShop();
		String id = shop.api().post("/api/v1/members", ANNE).expect(201).body().get("id").asString();
		String path = "/api/v1/members/" + id + "/points/adjustments";

		shop.api().post(path, "{\"points\":250,\"reason\":\"welcome gesture\",\"actor\":\"support:lea\"}", "adj-1").expect(201);
		shop.api().post(path, "{\"points\":250,\"reason\":\"welcome gesture\",\"actor\":\"support:lea\"}", "adj-1").expect(201);
		shop.api().post(path, "{\"points\":-300,\"reason\":\"mistake\",\"actor\":\"support:lea\"}", "adj-2")
			.expectProblem(422, "insufficient-points");
		shop.api().post(path, "{\"points\":0,\"reason\":\"\"}", "adj-3").expectProblem(400, "validation");
		shop.api().post(path, "{\"points\":10,\"reason\":\"x\",\"actor\":\"y\"}").expectProblem(400, "idempotency-key-missing");

		JsonNode history = shop.api().get("/api/v1/members/" + id + "/points/history").body();
		assertThat(history.get("items")).hasSize(1);
		assertThat(history.at("/items/0/kind").asString()).isEqualTo("adjustment");
		assertThat(history.at("/items/0/reason").asString()).isEqualTo("welcome gesture");
		assertThat(history.at("/items/0/actor").asString()).isEqualTo("support:lea");
		assertThat(shop.api().get("/api/v1/members/" + id + "/points").points("available")).isEqualTo(250);
	}
}
