package io.philia.rule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * Each mechanic from the field, created from its template and run through real events. The store earns
 * 10 points per 15.00 EUR in whole steps, so an order of 274.00 earns 180 before any rule.
 */
abstract class RuleTemplatesContract extends HttpTest {

	static String paid(String orderId, String at, String total) {
		return paid(orderId, at, total, "wine");
	}

	static String paid(String orderId, String at, String total, String category) {
		return """
				{"type":"order.paid","occurredAt":"%s",
				 "member":{"externalId":"C-42","email":"anne@example.com"},
				 "order":{"id":"%s","currency":"EUR","total":"%s",
				          "lines":[{"sku":"X-1","category":"%s","quantity":1,"unitPrice":"%s"}]}}"""
			.formatted(at, orderId, total, category, total);
	}

	static long earned(Shop shop, String key, String event) {
		return shop.api().event(key, event).expect(201).body().at("/points/earned").asLong();
	}

	static void template(Shop shop, String id) {
		shop.api().post("/api/v1/rules/templates/" + id, "{\"actor\":\"marketing:julie\"}").expect(201);
	}

	@Test
	void theTemplatesAreListedWithTheirRules() {
		var shop = newShop();

		JsonNode templates = shop.api().get("/api/v1/rules/templates").expect(200).body();

		assertThat(templates.findValuesAsString("id")).containsExactly("sign-up-bonus", "profile-completion",
				"first-purchase", "birthday-month-double", "category-multiplier", "spend-threshold", "come-back-soon",
				"review-written", "streak");
		shop.api().post("/api/v1/rules/templates/no-such-thing", "{}").expectProblem(404, "rule-template-not-found");
	}

	@Test
	void signUpBonusIsGivenOnceWhenAMemberJoins() {
		var shop = newShop();
		template(shop, "sign-up-bonus");

		String lea = shop.api().post("/api/v1/members", "{\"externalId\":\"C-1\",\"email\":\"lea@example.com\"}")
			.expect(201)
			.body()
			.at("/id")
			.asString();
		JsonNode fromAnOrder = shop.api().event("paid", paid("1", "2026-11-22T10:00:00Z", "274.00")).expect(201).body();

		assertThat(shop.api().get("/api/v1/members/" + lea + "/points").expect(200).points("available")).isEqualTo(100);
		assertThat(fromAnOrder.at("/member/enrolled").asBoolean()).isTrue();
		assertThat(fromAnOrder.at("/balance/available").asLong()).isEqualTo(100 + 180);
		JsonNode history = shop.api().get("/api/v1/members/" + lea + "/points/history").expect(200).body();
		assertThat(history.at("/items/0/cause/type").asString()).isEqualTo("enrolment");
		assertThat(history.at("/items/0/explanation/0/rule").asString()).isEqualTo("Welcome bonus");
	}

	@Test
	void profileCompletionPaysEachFieldOnce() {
		var shop = newShop();
		template(shop, "profile-completion");
		String id = shop.api().post("/api/v1/members", "{\"externalId\":\"C-1\",\"firstName\":\"Léa\"}")
			.expect(201)
			.body()
			.at("/id")
			.asString();
		String member = "/api/v1/members/" + id;

		shop.api().patch(member, "{\"phone\":\"+33 6 12 34 56 78\"}").expect(200);
		shop.api().patch(member, "{\"phone\":\"+33 6 00 00 00 00\"}").expect(200);
		shop.api().patch(member, "{\"phone\":null}").expect(200);
		shop.api().patch(member, "{\"phone\":\"+33 6 12 34 56 78\",\"lastName\":\"Martin\",\"birthDate\":\"1990-04-12\"}")
			.expect(200);

		// firstName at enrolment, phone once, then lastName and birthDate: 4 fields × 20.
		assertThat(shop.api().get(member + "/points").expect(200).points("available")).isEqualTo(80);
	}

	@Test
	void firstPurchaseBonusComesWithTheFirstPaidOrderOnly() {
		var shop = newShop();
		template(shop, "first-purchase");

		long first = earned(shop, "paid-1", paid("1", "2026-11-01T10:00:00Z", "274.00"));
		long second = earned(shop, "paid-2", paid("2", "2026-11-02T10:00:00Z", "274.00"));

		assertThat(first).isEqualTo(180 + 200);
		assertThat(second).isEqualTo(180);
	}

	@Test
	void birthdayMonthDoublesThePoints() {
		var shop = newShop();
		template(shop, "birthday-month-double");
		shop.api().post("/api/v1/members", "{\"externalId\":\"C-42\",\"birthDate\":\"1990-11-05\"}").expect(201);

		long inNovember = earned(shop, "paid-1", paid("1", "2026-11-22T10:00:00Z", "274.00"));
		long inOctober = earned(shop, "paid-2", paid("2", "2026-10-22T10:00:00Z", "274.00"));

		assertThat(inNovember).isEqualTo(360);
		assertThat(inOctober).isEqualTo(180);
	}

	@Test
	void categoryMultiplierTriplesThePointsOfTheWineOnly() {
		var shop = newShop();
		template(shop, "category-multiplier");

		JsonNode paid = shop.api().event("paid", """
				{"type":"order.paid","occurredAt":"2026-11-22T10:00:00Z","member":{"externalId":"C-42"},
				 "order":{"id":"1","currency":"EUR","total":"334.00",
				          "lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"137.00"},
				                   {"sku":"C-7","category":"cheese","quantity":3,"unitPrice":"20.00"}]}}""")
			.expect(201)
			.body();
		long cheeseOnly = earned(shop, "cheese", paid("2", "2026-11-22T10:00:00Z", "274.00", "cheese"));

		// 334.00 earns 220; the wine is 274.00 of it, so 180 of those points, tripled: 220 + 2 × 180.
		assertThat(paid.at("/points/earned").asLong()).isEqualTo(580);
		assertThat(paid.at("/rules/1/reason").asString()).contains("×3", "category wine");
		assertThat(cheeseOnly).isEqualTo(180);
	}

	@Test
	void spendThresholdBonusFromOneHundredAndFiftyEuros() {
		var shop = newShop();
		template(shop, "spend-threshold");

		long big = earned(shop, "paid-1", paid("1", "2026-11-22T10:00:00Z", "150.00"));
		long small = earned(shop, "paid-2", paid("2", "2026-11-22T10:00:00Z", "149.99"));

		assertThat(big).isEqualTo(100 + 500);
		assertThat(small).isEqualTo(90);
	}

	@Test
	void comeBackSoonBonusDecaysWithTheDaysSinceThePreviousOrder() {
		var shop = newShop();
		template(shop, "come-back-soon");

		long first = earned(shop, "paid-1", paid("1", "2026-09-01T10:00:00Z", "15.00"));
		long threeDaysLater = earned(shop, "paid-2", paid("2", "2026-09-04T10:00:00Z", "15.00"));
		long twentyDaysLater = earned(shop, "paid-3", paid("3", "2026-09-24T10:00:00Z", "15.00"));
		long fortyDaysLater = earned(shop, "paid-4", paid("4", "2026-11-03T10:00:00Z", "15.00"));

		assertThat(first).isEqualTo(10);
		assertThat(threeDaysLater).isEqualTo(10 + 500);
		assertThat(twentyDaysLater).isEqualTo(10 + 250);
		assertThat(fortyDaysLater).isEqualTo(10);
	}

	@Test
	void reviewWrittenBonusComesFromACustomEventUpToItsDailyLimit() {
		var shop = newShop();
		template(shop, "review-written");
		String review = """
				{"type":"custom.review_written","occurredAt":"2026-11-22T10:00:00Z","member":{"externalId":"C-42"},
				 "data":{"rating":5}}""";

		long total = 0;
		for (int i = 1; i <= 3; i++) {
			total += earned(shop, "review-" + i, review);
		}
		JsonNode fourth = shop.api().event("review-4", review).expect(201).body();
		long nextDay = earned(shop, "review-5", review.replace("2026-11-22", "2026-11-23"));

		assertThat(total).isEqualTo(150);
		assertThat(fourth.at("/points/earned").asLong()).isZero();
		assertThat(fourth.at("/rules/0/outcome").asString()).isEqualTo("skipped");
		assertThat(fourth.at("/rules/0/reason").asString()).contains("limit reached");
		assertThat(nextDay).isEqualTo(50);
	}

	@Test
	void streakBonusForOrdersInThreeConsecutiveMonths() {
		var shop = newShop();
		template(shop, "streak");

		long august = earned(shop, "paid-1", paid("1", "2026-08-10T10:00:00Z", "15.00"));
		long september = earned(shop, "paid-2", paid("2", "2026-09-10T10:00:00Z", "15.00"));
		long october = earned(shop, "paid-3", paid("3", "2026-10-10T10:00:00Z", "15.00"));
		long octoberAgain = earned(shop, "paid-4", paid("4", "2026-10-20T10:00:00Z", "15.00"));
		long afterAGap = earned(shop, "paid-5", paid("5", "2027-01-10T10:00:00Z", "15.00"));

		assertThat(august).isEqualTo(10);
		assertThat(september).isEqualTo(10);
		assertThat(october).isEqualTo(10 + 300);
		assertThat(octoberAgain).isEqualTo(10);
		assertThat(afterAGap).isEqualTo(10);
	}
}
