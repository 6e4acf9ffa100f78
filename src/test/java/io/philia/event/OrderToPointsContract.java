package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/**
 * The first slice end to end, as the README's tour runs it: an order paid becomes points, a refund takes
 * back the refunded part, and the history says why each movement happened.
 */
abstract class OrderToPointsContract extends HttpTest {

	static final String PAID = """
			{"type":"order.paid","occurredAt":"2026-11-22T10:00:00Z",
			 "member":{"externalId":"C-42","email":"anne@example.com"},
			 "order":{"id":"1001","currency":"EUR","total":"274.00",
			          "lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"137.00"}]}}""";

	@Test
	void aPaidOrderEarnsPointsAndARefundTakesBackTheRefundedPart() {
		var shop = newShop();

		JsonNode paid = shop.api().event("order-1001-paid", PAID).expect(201).body();
		String memberId = paid.at("/member/id").asString();

		assertThat(paid.at("/member/enrolled").asBoolean()).isTrue();
		assertThat(paid.at("/points/earned").asLong()).isEqualTo(180);
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").expect(200).points("available"))
			.isEqualTo(180);

		JsonNode refund = shop.api()
			.event("order-1001-refund-1", """
					{"type":"order.refunded","order":{"id":"1001"},"refund":{"lines":[{"sku":"W-1","quantity":1}]}}""")
			.expect(201)
			.body();

		assertThat(refund.at("/points/clawedBack").asLong()).isEqualTo(90);
		assertThat(refund.at("/order/status").asString()).isEqualTo("partially_refunded");
		assertThat(refund.at("/balance/available").asLong()).isEqualTo(90);

		JsonNode history = shop.api().get("/api/v1/members/" + memberId + "/points/history").expect(200).body();
		assertThat(history.at("/items/0/kind").asString()).isEqualTo("clawback");
		assertThat(history.at("/items/0/cause/type").asString()).isEqualTo("refund");
		assertThat(history.at("/items/0/cause/reference").asString()).isEqualTo("1001");
		assertThat(history.at("/items/1/kind").asString()).isEqualTo("earn");
		assertThat(history.at("/items/1/points").asLong()).isEqualTo(180);
	}

	@Test
	void theRestOfTheOrderRefundedTakesBackEveryPointItEarned() {
		var shop = newShop();
		shop.api().event("paid", PAID).expect(201);
		shop.api().event("refund-amount", """
				{"type":"order.refunded","order":{"id":"1001"},"refund":{"amount":"100.00"}}""").expect(201);

		JsonNode rest = shop.api().event("refund-rest", """
				{"type":"order.refunded","order":{"id":"1001"}}""").expect(201).body();

		assertThat(rest.at("/order/status").asString()).isEqualTo("refunded");
		assertThat(rest.at("/balance/available").asLong()).isZero();
		assertThat(rest.at("/balance/lifetimeEarned").asLong()).isZero();
	}

	@Test
	void aCancelledUnpaidOrderEarnsNothingEvenIfPaymentIsReportedLater() {
		var shop = newShop();
		shop.api().event("placed", PAID.replace("order.paid", "order.placed")).expect(201);

		JsonNode cancelled = shop.api().event("cancelled", """
				{"type":"order.cancelled","order":{"id":"1001"}}""").expect(201).body();

		assertThat(cancelled.at("/points/earned").asLong()).isZero();
		assertThat(cancelled.at("/order/status").asString()).isEqualTo("cancelled");
		shop.api().event("paid-late", PAID).expectProblem(422, "order-cancelled");
	}

	@Test
	void cancellingAPaidOrderTakesBackItsPoints() {
		var shop = newShop();
		shop.api().event("paid", PAID).expect(201);

		JsonNode cancelled = shop.api().event("cancelled", """
				{"type":"order.cancelled","order":{"id":"1001"}}""").expect(201).body();

		assertThat(cancelled.at("/points/clawedBack").asLong()).isEqualTo(180);
		assertThat(cancelled.at("/balance/available").asLong()).isZero();
	}

	@Test
	void anOrderPaidTwiceUnderTwoKeysEarnsOnce() {
		var shop = newShop();
		shop.api().event("first", PAID).expect(201);

		JsonNode again = shop.api().event("second", PAID).expect(201).body();

		assertThat(again.at("/outcome").asString()).isEqualTo("ignored");
		assertThat(again.at("/points/earned").asLong()).isZero();
		assertThat(again.at("/balance/available").asLong()).isEqualTo(180);
	}

	@Test
	void proportionalEarningCountsEveryCent() {
		var shop = newShop("{\"points\": 10, \"per\": \"15.00\", \"rounding\": \"proportional\"}");

		JsonNode paid = shop.api().event("paid", PAID).expect(201).body();

		assertThat(paid.at("/points/earned").asLong()).isEqualTo(182);
	}

	@Test
	void spentPointsThatARefundCannotTakeBackAreRecordedAsAShortfall() {
		var shop = newShop();
		String memberId = shop.api().event("paid", PAID).expect(201).body().at("/member/id").asString();
		shop.api()
			.post("/api/v1/members/" + memberId + "/points/adjustments",
					"{\"points\": -150, \"reason\": \"gift card\", \"actor\": \"support:lea\"}", "spend-150")
			.expect(201);

		JsonNode refund = shop.api().event("refund", """
				{"type":"order.refunded","order":{"id":"1001"}}""").expect(201).body();

		assertThat(refund.at("/points/clawedBack").asLong()).isEqualTo(30);
		assertThat(refund.at("/points/shortfall").asLong()).isEqualTo(150);
		assertThat(refund.at("/balance/available").asLong()).isZero();
	}

	@Test
	void aCustomEventEnrolsTheMemberAndMovesNoPoints() {
		var shop = newShop();

		JsonNode custom = shop.api().event("review-1", """
				{"type":"custom.review_written","member":{"externalId":"C-7"},"data":{"rating":5}}""")
			.expect(201)
			.body();

		assertThat(custom.at("/member/enrolled").asBoolean()).isTrue();
		assertThat(custom.at("/points/earned").asLong()).isZero();
	}

	@Test
	void anOrderThatWouldPassTheMostAnAccountHoldsIsRefusedAndChangesNothing() {
		var shop = newShop("{\"points\": 1000000, \"per\": \"0.01\", \"rounding\": \"steps\"}");
		String member = shop.api().event("big-1", """
				{"type":"order.paid","member":{"externalId":"W-1"},"order":{"id":"W-1","currency":"EUR","total":"9999999.99"}}""")
			.expect(201)
			.body()
			.at("/member/id")
			.asString();

		// 999,999,999,000,000 points: 1,000,000 short of the most an account holds, a cent's worth here.
		shop.api().event("big-2", """
				{"type":"order.paid","member":{"externalId":"W-1"},"order":{"id":"W-2","currency":"EUR","total":"0.02"}}""")
			.expectProblem(422, "points-limit-exceeded");
		shop.api().post("/api/v1/members/" + member + "/points/adjustments",
				"{\"points\": 1000001, \"reason\": \"typo\", \"actor\": \"support:marc\"}", "big-3")
			.expectProblem(422, "points-limit-exceeded");

		assertThat(shop.api().get("/api/v1/members/" + member + "/points").expect(200).body().get("available").asLong())
			.isEqualTo(999_999_999_000_000L);
		assertThat(shop.api().get("/api/v1/members/" + member + "/points/history").expect(200).body().get("items")).hasSize(1);
		shop.api().event("big-4", """
				{"type":"order.paid","member":{"externalId":"W-1"},"order":{"id":"W-4","currency":"EUR","total":"0.01"}}""")
			.expect(201);
		// Too large to compute at all (10^17 cents at 1,000,000 points each): refused, alone in its batch too.
		String huge = """
				{"type":"order.paid","member":{"externalId":"W-1"},"order":{"id":"W-5","currency":"EUR","total":"999999999999999.99"}}""";
		shop.api().event("big-5", huge).expectProblem(422, "too-large-to-compute");
		JsonNode batch = shop.api()
			.post("/api/v1/events:batch", "{\"events\": [{\"idempotencyKey\": \"big-6\", \"event\": " + huge + "}]}")
			.expect(200)
			.body();
		assertThat(batch.at("/results/0/problem/type").asString()).isEqualTo("urn:philia:problem:too-large-to-compute");
		admin.post("/api/v1/admin/programmes/" + shop.programId() + "/stores",
				"{\"code\": \"huge\", \"name\": \"Huge\", \"currency\": \"EUR\", \"earning\": {\"points\": 9223372036854775807, \"per\": \"0.01\"}}")
			.expectProblem(400, "validation");
	}
}
