package io.philia.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * "This cart earns 680 points": a simulation explains each rule's decision and writes nothing; the real
 * event earns the same and carries the same explanation; a rule failing at run time is reported and the
 * others still apply.
 */
abstract class SimulationContract extends HttpTest {

	static final String CART = """
			{"type":"order.paid","occurredAt":"2026-11-22T10:00:00Z",
			 "member":{"externalId":"C-42","email":"anne@example.com"},
			 "order":{"id":"1001","currency":"EUR","total":"274.00",
			          "lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"137.00"}]}}""";

	@Test
	void aSimulationExplainsEachRuleAndTheRealEventEarnsTheSame() {
		var shop = newShop();
		shop.api().post("/api/v1/rules/templates/spend-threshold", "{}").expect(201);
		shop.api().post("/api/v1/rules", """
				{"name":"Gift wrap bonus","trigger":"order.paid","condition":"order.lines.exists(l, l.sku == 'GIFT')",
				 "effect":{"type":"fixed","points":50}}""").expect(201);

		JsonNode simulated = shop.api().post("/api/v1/simulate", CART).expect(200).body();
		JsonNode real = shop.api().event("paid", CART).expect(201).body();

		assertThat(simulated.at("/points").asLong()).isEqualTo(680);
		assertThat(simulated.at("/known").asBoolean()).isFalse();
		assertThat(simulated.at("/rules").findValuesAsString("rule")).containsExactly("Store rate", "Big basket bonus",
				"Gift wrap bonus");
		assertThat(simulated.at("/rules").findValuesAsString("outcome")).containsExactly("applied", "applied",
				"skipped");
		assertThat(simulated.at("/rules/0/reason").asString())
			.isEqualTo("10 points per 15.00 EUR in whole steps on 274.00 EUR");
		assertThat(simulated.at("/rules/2/reason").asString()).startsWith("condition is false");
		assertThat(real.at("/points/earned").asLong()).isEqualTo(680);
		assertThat(real.at("/rules")).isEqualTo(simulated.at("/rules"));
	}

	@Test
	void aSimulationWritesNothing() {
		var shop = newShop();
		shop.api().post("/api/v1/rules/templates/first-purchase", "{}").expect(201);

		shop.api().post("/api/v1/simulate", CART).expect(200);
		JsonNode again = shop.api().post("/api/v1/simulate", CART).expect(200).body();

		assertThat(again.at("/points").asLong()).isEqualTo(380);
		assertThat(shop.api().get("/api/v1/members?externalId=C-42").expect(200).body().at("/items").size()).isZero();
		JsonNode paid = shop.api().event("paid", CART).expect(201).body();
		assertThat(paid.at("/points/earned").asLong()).isEqualTo(380);
		JsonNode afterwards = shop.api().post("/api/v1/simulate", CART.replace("1001", "1002")).expect(200).body();
		assertThat(afterwards.at("/known").asBoolean()).isTrue();
		assertThat(afterwards.at("/points").asLong()).isEqualTo(180);
		assertThat(afterwards.at("/rules/1/reason").asString()).isEqualTo("condition is false: member.orderCount == 0");
	}

	@Test
	void aRuleFailingAtRunTimeIsReportedAndTheOtherRulesStillApply() {
		var shop = newShop();
		shop.api().post("/api/v1/rules", """
				{"name":"Broken ratio","trigger":"order.paid","condition":"100 / (order.itemCount - 2) > 1",
				 "effect":{"type":"fixed","points":1000}}""").expect(201);
		shop.api().post("/api/v1/rules", """
				{"name":"VIP","trigger":"order.paid","condition":"member.attributes.vip == true",
				 "effect":{"type":"fixed","points":1000}}""").expect(201);
		shop.api().post("/api/v1/rules/templates/spend-threshold", "{}").expect(201);

		JsonNode paid = shop.api().event("paid", CART).expect(201).body();

		assertThat(paid.at("/outcome").asString()).isEqualTo("processed");
		assertThat(paid.at("/points/earned").asLong()).isEqualTo(680);
		assertThat(paid.at("/rules").findValuesAsString("outcome")).containsExactly("applied", "failed", "failed",
				"applied");
		assertThat(paid.at("/rules/1/reason").asString()).contains("by zero");
		assertThat(paid.at("/rules/2/reason").asString()).contains("vip");
	}

	@Test
	void onlyEarningEventsCanBeSimulated() {
		var shop = newShop();

		shop.api().post("/api/v1/simulate", """
				{"type":"order.refunded","order":{"id":"1001"}}""").expectProblem(400, "validation");
		shop.api().post("/api/v1/simulate", """
				{"type":"order.paid","member":{"externalId":"C-42"},"order":{"id":"1","currency":"EUR","total":"-1"}}""")
			.expectProblem(400, "validation");
		JsonNode custom = shop.api().post("/api/v1/simulate", """
				{"type":"custom.review_written","member":{"externalId":"C-42"}}""").expect(200).body();
		assertThat(custom.at("/points").asLong()).isZero();
		assertThat(custom.at("/rules").size()).isZero();
	}

	@Test
	void aCustomerWithoutRulesEarnsExactlyTheStoreRate() {
		var shop = newShop("{\"points\": 10, \"per\": \"15.00\", \"rounding\": \"proportional\"}");

		JsonNode simulated = shop.api().post("/api/v1/simulate", CART).expect(200).body();
		JsonNode paid = shop.api().event("paid", CART).expect(201).body();

		assertThat(simulated.at("/points").asLong()).isEqualTo(182);
		assertThat(paid.at("/points/earned").asLong()).isEqualTo(182);
		assertThat(paid.at("/rules/0/reason").asString()).contains("proportionally");
	}
}
