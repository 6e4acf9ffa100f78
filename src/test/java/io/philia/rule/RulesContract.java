package io.philia.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.philia.support.Api;
import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * Rules through the API: created, changed into new versions, audited, activated, deactivated, deleted;
 * CEL refused at save time with its position; every earning naming the rule version that produced it.
 */
abstract class RulesContract extends HttpTest {

	static final String THRESHOLD = """
			{"name":"Big basket bonus","trigger":"order.paid","condition":"order.total >= 150",
			 "effect":{"type":"fixed","points":500},"actor":"marketing:julie"}""";

	static String paid(String orderId, String total) {
		return """
				{"type":"order.paid","occurredAt":"2026-11-22T10:00:00Z",
				 "member":{"externalId":"C-42","email":"anne@example.com"},
				 "order":{"id":"%s","currency":"EUR","total":"%s",
				          "lines":[{"sku":"W-1","category":"wine","quantity":1,"unitPrice":"%s"}]}}"""
			.formatted(orderId, total, total);
	}

	static JsonNode createRule(Api api, String body) {
		return api.post("/api/v1/rules", body).expect(201).body();
	}

	@Test
	void aRuleIsCreatedAndReadBackAsItsFirstVersion() {
		var shop = newShop();

		JsonNode rule = createRule(shop.api(), THRESHOLD);

		assertThat(rule.at("/version").asInt()).isEqualTo(1);
		assertThat(rule.at("/active").asBoolean()).isTrue();
		assertThat(rule.at("/priority").asInt()).isEqualTo(100);
		JsonNode read = shop.api().get("/api/v1/rules/" + rule.at("/id").asString()).expect(200).body();
		assertThat(read.at("/name").asString()).isEqualTo("Big basket bonus");
		assertThat(read.at("/effect/points").asLong()).isEqualTo(500);
		assertThat(shop.api().get("/api/v1/rules").expect(200).body().at("/items").size()).isEqualTo(1);
	}

	@Test
	void theOpenApiDocumentDescribesTheRulesAndTheSimulation() {
		JsonNode paths = admin.get("/v3/api-docs").expect(200).body().get("paths");

		assertThat(paths.has("/api/v1/rules")).isTrue();
		assertThat(paths.has("/api/v1/rules/{ruleId}:activate")).isTrue();
		assertThat(paths.has("/api/v1/rules/templates/{templateId}")).isTrue();
		assertThat(paths.has("/api/v1/simulate")).isTrue();
	}

	@Test
	void rulesAreListedByTriggerPageByPage() {
		var shop = newShop();
		createRule(shop.api(), THRESHOLD);
		createRule(shop.api(), """
				{"name":"Review bonus","trigger":"custom.review_written","effect":{"type":"fixed","points":50}}""");
		createRule(shop.api(), THRESHOLD.replace("Big basket bonus", "Huge basket bonus"));

		JsonNode first = shop.api().get("/api/v1/rules?trigger=order.paid&limit=1").expect(200).body();
		JsonNode second = shop.api()
			.get("/api/v1/rules?trigger=order.paid&limit=1&cursor=" + first.at("/nextCursor").asString())
			.expect(200)
			.body();

		assertThat(first.at("/items/0/name").asString()).isEqualTo("Big basket bonus");
		assertThat(second.at("/items/0/name").asString()).isEqualTo("Huge basket bonus");
		assertThat(second.has("nextCursor")).isFalse();
	}

	@Test
	void anUnknownFieldInTheConditionIsRefusedWithItsPositionAndNothingIsSaved() {
		var shop = newShop();

		JsonNode problem = shop.api()
			.post("/api/v1/rules", THRESHOLD.replace("order.total >= 150", "order.totl >= 150"))
			.expectProblem(400, "invalid-expression")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("condition");
		assertThat(problem.at("/errors/0/message").asString()).contains("totl");
		assertThat(problem.at("/errors/0/line").asInt()).isEqualTo(1);
		assertThat(problem.at("/errors/0/column").asInt()).isEqualTo(6);
		assertThat(shop.api().get("/api/v1/rules").expect(200).body().at("/items").size()).isZero();
	}

	@Test
	void aConditionOfTheWrongTypeOrThatDoesNotParseIsRefused() {
		var shop = newShop();

		shop.api()
			.post("/api/v1/rules", THRESHOLD.replace("order.total >= 150", "order.total >= 'much'"))
			.expectProblem(400, "invalid-expression");
		shop.api()
			.post("/api/v1/rules", THRESHOLD.replace("order.total >= 150", "order.total"))
			.expectProblem(400, "invalid-expression");
		JsonNode syntax = shop.api()
			.post("/api/v1/rules", THRESHOLD.replace("order.total >= 150", "order.total >= (150"))
			.expectProblem(400, "invalid-expression")
			.body();
		assertThat(syntax.at("/errors/0/line").asInt()).isEqualTo(1);
		shop.api()
			.post("/api/v1/rules", """
					{"name":"Review","trigger":"custom.review_written","condition":"order.total > 1",
					 "effect":{"type":"fixed","points":5}}""")
			.expectProblem(400, "invalid-expression");
	}

	@Test
	void aRuleWithMissingOrWrongFieldsIsRefusedWithEveryFieldAtFault() {
		var shop = newShop();

		JsonNode problem = shop.api()
			.post("/api/v1/rules", """
					{"trigger":"order.shipped","effect":{"type":"multiplier","factor":"0.5"},
					 "validity":{"from":"2026-12-31","until":"2026-01-01","daysOfWeek":["caturday"]},
					 "limits":{"perOrder":0}}""")
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors").findValuesAsString("field")).contains("name", "trigger", "effect.factor",
				"validity.until", "validity.daysOfWeek[0]", "limits.perOrder");
	}

	@Test
	void aChangeMakesANewVersionAndTheHistorySaysWhoChangedWhat() {
		var shop = newShop();
		String id = createRule(shop.api(), THRESHOLD).at("/id").asString();

		JsonNode changed = shop.api()
			.send("PUT", "/api/v1/rules/" + id,
					THRESHOLD.replace("\"points\":500", "\"points\":800").replace("marketing:julie", "marketing:paul"),
					Map.of())
			.expect(200)
			.body();

		assertThat(changed.at("/version").asInt()).isEqualTo(2);
		assertThat(changed.at("/effect/points").asLong()).isEqualTo(800);
		JsonNode history = shop.api().get("/api/v1/rules/" + id + "/history").expect(200).body();
		assertThat(history.at("/0/action").asString()).isEqualTo("created");
		assertThat(history.at("/0/actor").asString()).isEqualTo("marketing:julie");
		assertThat(history.at("/1/action").asString()).isEqualTo("changed");
		assertThat(history.at("/1/version").asInt()).isEqualTo(2);
		assertThat(history.at("/1/actor").asString()).isEqualTo("marketing:paul");
		assertThat(history.at("/1/changed/0").asString()).isEqualTo("effect");
		assertThat(shop.api().get("/api/v1/rules/" + id + "/versions/1").expect(200).body().at("/effect/points").asLong())
			.isEqualTo(500);
	}

	@Test
	void everyEarningNamesTheRuleVersionThatProducedIt() {
		var shop = newShop();
		String id = createRule(shop.api(), THRESHOLD).at("/id").asString();
		JsonNode first = shop.api().event("paid-1", paid("1", "274.00")).expect(201).body();
		String v2 = shop.api()
			.send("PUT", "/api/v1/rules/" + id, THRESHOLD.replace("\"points\":500", "\"points\":800"), Map.of())
			.expect(200)
			.body()
			.at("/versionId")
			.asString();

		JsonNode second = shop.api().event("paid-2", paid("2", "274.00")).expect(201).body();

		assertThat(first.at("/points/earned").asLong()).isEqualTo(180 + 500);
		assertThat(second.at("/points/earned").asLong()).isEqualTo(180 + 800);
		String memberId = second.at("/member/id").asString();
		JsonNode history = shop.api().get("/api/v1/members/" + memberId + "/points/history").expect(200).body();
		JsonNode latest = history.at("/items/0/explanation");
		assertThat(latest.findValuesAsString("rule")).containsExactly("Store rate", "Big basket bonus");
		assertThat(latest.at("/1/ruleVersionId").asString()).isEqualTo(v2);
		assertThat(latest.at("/1/ruleVersion").asInt()).isEqualTo(2);
		assertThat(latest.at("/1/points").asLong()).isEqualTo(800);
		assertThat(history.at("/items/1/explanation/1/ruleVersion").asInt()).isEqualTo(1);
	}

	@Test
	void aRefundTakesBackItsShareOfThePointsEveryRuleGave() {
		var shop = newShop();
		createRule(shop.api(), THRESHOLD);
		shop.api().event("paid", paid("1", "274.00")).expect(201);

		JsonNode refund = shop.api().event("refund", """
				{"type":"order.refunded","order":{"id":"1"},"refund":{"amount":"137.00"}}""").expect(201).body();

		assertThat(refund.at("/points/clawedBack").asLong()).isEqualTo(340);
		assertThat(refund.at("/balance/available").asLong()).isEqualTo(340);
		assertThat(refund.has("rules")).isFalse();
	}

	@Test
	void aDeactivatedRuleEarnsNothingUntilActivatedAgain() {
		var shop = newShop();
		String id = createRule(shop.api(), THRESHOLD).at("/id").asString();

		JsonNode off = shop.api().post("/api/v1/rules/" + id + ":deactivate", "{\"actor\":\"marketing:julie\"}")
			.expect(200)
			.body();
		JsonNode whileOff = shop.api().event("paid-1", paid("1", "274.00")).expect(201).body();
		shop.api().post("/api/v1/rules/" + id + ":activate", "{}").expect(200);
		JsonNode whileOn = shop.api().event("paid-2", paid("2", "274.00")).expect(201).body();

		assertThat(off.at("/active").asBoolean()).isFalse();
		assertThat(whileOff.at("/points/earned").asLong()).isEqualTo(180);
		assertThat(whileOn.at("/points/earned").asLong()).isEqualTo(680);
		assertThat(shop.api().get("/api/v1/rules?active=false").expect(200).body().at("/items").size()).isZero();
		JsonNode history = shop.api().get("/api/v1/rules/" + id + "/history").expect(200).body();
		assertThat(history.findValuesAsString("action")).containsExactly("created", "deactivated", "activated");
	}

	@Test
	void aDeletedRuleIsGoneAndStopsEarningButItsHistoryStays() {
		var shop = newShop();
		String id = createRule(shop.api(), THRESHOLD).at("/id").asString();

		shop.api().delete("/api/v1/rules/" + id + "?actor=marketing:julie").expect(204);

		shop.api().get("/api/v1/rules/" + id).expectProblem(404, "rule-not-found");
		assertThat(shop.api().event("paid", paid("1", "274.00")).expect(201).body().at("/points/earned").asLong())
			.isEqualTo(180);
		JsonNode history = shop.api().get("/api/v1/rules/" + id + "/history").expect(200).body();
		assertThat(history.at("/1/action").asString()).isEqualTo("deleted");
		assertThat(history.at("/1/actor").asString()).isEqualTo("marketing:julie");
	}

	@Test
	void anotherProgrammesRulesAreInvisible() {
		var shop = newShop();
		var other = newShop();
		String id = createRule(shop.api(), THRESHOLD).at("/id").asString();

		other.api().get("/api/v1/rules/" + id).expectProblem(404, "rule-not-found");
		other.api().post("/api/v1/rules/" + id + ":deactivate", "{}").expectProblem(404, "rule-not-found");
		assertThat(other.api().event("paid", paid("1", "274.00")).expect(201).body().at("/points/earned").asLong())
			.isEqualTo(180);
	}

	@Test
	void aCreationRetriedWithTheSameKeyCreatesOneRule() {
		var shop = newShop();

		var first = shop.api().post("/api/v1/rules", THRESHOLD, "rule-1").expect(201);
		var again = shop.api().post("/api/v1/rules", THRESHOLD, "rule-1").expect(201);

		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.body().at("/id").asString()).isEqualTo(first.body().at("/id").asString());
		assertThat(shop.api().get("/api/v1/rules").expect(200).body().at("/items").size()).isEqualTo(1);
	}

	@Test
	void aRuleWithAHigherPriorityThatStopsFurtherRulesKeepsTheOthersFromRunning() {
		var shop = newShop();
		createRule(shop.api(), THRESHOLD);
		createRule(shop.api(), """
				{"name":"Staff earn nothing","trigger":"order.paid","priority":2000,"stopFurtherRules":true,
				 "condition":"member.email.endsWith('@example.com')","effect":{"type":"fixed","points":0}}""");

		JsonNode paid = shop.api().event("paid", paid("1", "274.00")).expect(201).body();

		assertThat(paid.at("/points/earned").asLong()).isZero();
		assertThat(paid.at("/rules").findValuesAsString("outcome")).containsExactly("applied", "skipped", "skipped");
		assertThat(paid.at("/rules/1/reason").asString()).contains("Staff earn nothing");
	}

	@Test
	void aRuleOutsideItsValidityWindowDoesNotApply() {
		var shop = newShop();
		createRule(shop.api(), THRESHOLD.replace("\"actor\"",
				"\"validity\":{\"from\":\"2026-12-01\",\"daysOfWeek\":[\"sunday\"],\"hours\":{\"from\":\"09:00\",\"until\":\"12:00\"}},\"actor\""));

		// 2026-11-22 is a Sunday, 11:00 in Paris, but before the rule's first day.
		JsonNode before = shop.api().event("paid-1", paid("1", "274.00")).expect(201).body();
		JsonNode inside = shop.api()
			.event("paid-2", paid("2", "274.00").replace("2026-11-22T10:00:00Z", "2026-12-06T10:00:00Z"))
			.expect(201)
			.body();
		JsonNode lateInTheDay = shop.api()
			.event("paid-3", paid("3", "274.00").replace("2026-11-22T10:00:00Z", "2026-12-06T15:00:00Z"))
			.expect(201)
			.body();

		assertThat(before.at("/points/earned").asLong()).isEqualTo(180);
		assertThat(before.at("/rules/1/reason").asString()).contains("not in force before 2026-12-01");
		assertThat(inside.at("/points/earned").asLong()).isEqualTo(680);
		assertThat(lateInTheDay.at("/points/earned").asLong()).isEqualTo(180);
	}

	@Test
	void aDailyLimitHoldsWhenManyEventsOfOneMemberArriveAtOnce() throws Exception {
		var shop = newShop();
		createRule(shop.api(), """
				{"name":"Review bonus","trigger":"custom.review_written","effect":{"type":"fixed","points":50},
				 "limits":{"perMemberPerDay":150}}""");
		String review = """
				{"type":"custom.review_written","occurredAt":"2026-11-22T10:00:00Z","member":{"externalId":"C-9"}}""";
		String memberId = shop.api().event("enrol", review.replace("review_written", "hello")).expect(201).body()
			.at("/member/id").asString();

		List<Callable<Long>> reviews = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			String key = "review-" + i;
			reviews.add(() -> shop.api().event(key, review).expect(201).body().at("/points/earned").asLong());
		}
		long earned = 0;
		try (var pool = Executors.newFixedThreadPool(8)) {
			for (Future<Long> f : pool.invokeAll(reviews)) {
				earned += f.get();
			}
		}

		assertThat(earned).isEqualTo(150);
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").expect(200).points("available"))
			.isEqualTo(150);
	}
}
