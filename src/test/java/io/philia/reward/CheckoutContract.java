package io.philia.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.philia.support.Api;
import io.philia.support.Api.Response;
import tools.jackson.databind.JsonNode;

/** The shop's checkout: codes validated and reserved exactly once, points as payment, reservations that time out. */
abstract class CheckoutContract extends RewardTest {

	@Autowired
	Checkouts checkouts;

	static Response reserve(Api api, String key, String orderId, String customer, List<String> codes, long points) {
		return api.post("/api/v1/checkouts", """
				{"orderId":"%s","customer":%s,"cart":%s,"codes":%s,"points":%d}""".formatted(orderId, customer,
				WINE_CART, codes.stream().map(c -> "\"" + c + "\"").toList(), points), key);
	}

	@Test
	void theSameSingleUseCodeReservedTwiceAtTheSameMomentSucceedsOnce() throws Exception {
		var shop = newShop();
		String code = uniqueCodes(shop.api(), 1).get(0);

		List<Response> responses = concurrently(10,
				i -> reserve(shop.api(), "co-" + i, "O-" + i, "{\"externalId\":\"C-" + i + "\"}", List.of(code), 0));

		assertThat(count(responses, 201)).isEqualTo(1);
		assertThat(responses.stream().filter(r -> r.status() != 201)).allSatisfy(r -> r.expectProblem(409, "coupon-used-up"));
		validate(shop.api(), code, "{}", WINE_CART).expectProblem(409, "coupon-used-up");
	}

	@Test
	void aPromoCodesLimitPerMemberHoldsUnderConcurrency() throws Exception {
		var shop = newShop();
		promo(shop.api(), "ONCE", "\"maxUsesPerMember\": 1, \"maxUses\": 100");
		String member = aMemberWithPoints(shop.api(), "C-1", 0);

		List<Response> responses = concurrently(8,
				i -> reserve(shop.api(), "co-" + i, "O-" + i, "{\"memberId\":\"" + member + "\"}", List.of("ONCE"), 0));

		assertThat(count(responses, 201)).isEqualTo(1);
		assertThat(responses.stream().filter(r -> r.status() != 201))
			.allSatisfy(r -> r.expectProblem(409, "coupon-member-limit"));
		validate(shop.api(), "ONCE", "{}", WINE_CART).expectProblem(422, "coupon-member-required");
	}

	@Test
	void pointsPayAtTheProgrammesRateAreCapturedOnPaymentAndComeBackWhenTheOrderIsCancelled() {
		var shop = newShop();
		shop.api().send("PUT", "/api/v1/checkout-settings", """
				{"pointsPayment":{"points":100,"per":"1.00","currency":"EUR","maxShare":50,"minPoints":500}}""",
				java.util.Map.of()).expect(200);
		String member = aMemberWithPoints(shop.api(), "C-1", 5000);
		String customer = "{\"memberId\":\"" + member + "\"}";

		reserve(shop.api(), "too-much", "5001", customer, List.of(), 4000).expectProblem(422, "points-payment-out-of-bounds");
		reserve(shop.api(), "too-few", "5001", customer, List.of(), 100).expectProblem(422, "points-payment-out-of-bounds");
		JsonNode checkout = reserve(shop.api(), "co-1", "5001", customer, List.of(), 1500).expect(201).body();
		long whileReserved = available(shop.api(), member);
		shop.api().event("paid-5001", """
				{"type":"order.paid","member":{"externalId":"C-1"},"order":{"id":"5001","currency":"EUR","total":"64.90"}}""")
			.expect(201);
		String paid = shop.api().get("/api/v1/checkouts/" + checkout.get("id").asString()).body().get("status").asString();
		shop.api().event("cancel-5001", "{\"type\":\"order.cancelled\",\"order\":{\"id\":\"5001\"}}").expect(201);
		JsonNode cancelled = shop.api().get("/api/v1/checkouts/" + checkout.get("id").asString()).body();

		assertThat(checkout.at("/outcome/points/value").asString()).isEqualTo("15.00");
		assertThat(checkout.at("/outcome/total").asString()).isEqualTo("64.90");
		assertThat(whileReserved).isEqualTo(3500);
		assertThat(paid).isEqualTo("redeemed");
		assertThat(cancelled.get("status").asString()).isEqualTo("reversed");
		assertThat(available(shop.api(), member)).isEqualTo(5000);
		JsonNode history = shop.api().get("/api/v1/members/" + member + "/points/history").body().get("items");
		// Entries of one transaction may share a millisecond, so only their set is compared, not their order.
		assertThat(history.findValuesAsString("kind")).containsExactlyInAnyOrder("restore", "clawback", "earn", "spend",
				"adjustment");
		assertThat(entry(history, "restore").at("/cause/type").asString()).isEqualTo("points-payment-cancelled");
		assertThat(entry(history, "restore").at("/cause/reference").asString()).isEqualTo("5001");
		assertThat(entry(history, "restore").get("correctsEntryId").asString())
			.isEqualTo(entry(history, "spend").get("id").asString());
		assertThat(entry(history, "spend").at("/cause/type").asString()).isEqualTo("points-payment");
	}

	@Test
	void aPartialRefundGivesBackItsShareOfThePointsPaidAndAFullOneTheRestWithTheCode() {
		var shop = newShop();
		shop.api().send("PUT", "/api/v1/checkout-settings",
				"{\"pointsPayment\":{\"points\":100,\"per\":\"1.00\",\"currency\":\"EUR\"}}", java.util.Map.of()).expect(200);
		String member = aMemberWithPoints(shop.api(), "C-1", 2000);
		String code = uniqueCodes(shop.api(), 1).get(0);
		String id = reserve(shop.api(), "co-1", "R-1", "{\"memberId\":\"" + member + "\"}", List.of(code), 1000)
			.expect(201).body().get("id").asString();
		shop.api().event("paid", """
				{"type":"order.paid","member":{"externalId":"C-1"},"order":{"id":"R-1","currency":"EUR","total":"100.00"}}""")
			.expect(201);

		shop.api().event("refund-1", "{\"type\":\"order.refunded\",\"order\":{\"id\":\"R-1\"},\"refund\":{\"amount\":\"50.00\"}}")
			.expect(201);
		long afterHalf = available(shop.api(), member);
		JsonNode half = shop.api().get("/api/v1/checkouts/" + id).body();
		shop.api().event("refund-2", "{\"type\":\"order.refunded\",\"order\":{\"id\":\"R-1\"}}").expect(201);
		JsonNode all = shop.api().get("/api/v1/checkouts/" + id).body();

		// 2000 - 1000 paid + 60 earned on 100.00, then half: -30 clawed back, +500 of the points paid.
		assertThat(afterHalf).isEqualTo(1530);
		assertThat(half.get("status").asString()).isEqualTo("redeemed");
		assertThat(half.get("pointsRestored").asLong()).isEqualTo(500);
		assertThat(all.get("status").asString()).isEqualTo("reversed");
		assertThat(all.get("pointsRestored").asLong()).isEqualTo(1000);
		assertThat(available(shop.api(), member)).isEqualTo(2000);
		assertThat(validate(shop.api(), code, "{}", WINE_CART).expect(200).body().get("discount").asString()).isEqualTo("5.00");
	}



	@Test
	void anExpiredReservationReadsAsExpiredBeforeTheSweepAndIsReleasedOnce() throws Exception {
		var shop = newShop();
		shop.api().send("PUT", "/api/v1/checkout-settings",
				"{\"pointsPayment\":{\"points\":100,\"per\":\"1.00\",\"currency\":\"EUR\"}}", java.util.Map.of()).expect(200);
		String member = aMemberWithPoints(shop.api(), "C-1", 2000);
		String customer = "{\"memberId\":\"" + member + "\"}";
		String code = uniqueCodes(shop.api(), 1).get(0);
		String id = reserve(shop.api(), "co-1", "O-1", customer, List.of(code), 1000).expect(201).body().get("id").asString();

		clock.advance(Duration.ofMinutes(31));

		assertThat(shop.api().get("/api/v1/checkouts/" + id).body().get("status").asString()).isEqualTo("expired");
		JsonNode second = reserve(shop.api(), "co-2", "O-2", customer, List.of(code), 500).expect(201).body();
		concurrently(4, i -> {
			checkouts.releaseExpired(100);
			return null;
		});
		shop.api().post("/api/v1/checkouts/" + id + ":redeem", null).expectProblem(409, "checkout-expired");
		assertThat(shop.api().get("/api/v1/checkouts/" + id).body().get("closeReason").asString()).isEqualTo("expired");
		assertThat(second.get("status").asString()).isEqualTo("reserved");
		assertThat(available(shop.api(), member)).isEqualTo(1500);
		JsonNode history = shop.api().get("/api/v1/members/" + member + "/points/history").body().get("items");
		assertThat(history.findValuesAsString("kind")).containsExactlyInAnyOrder("spend", "restore", "spend", "adjustment");
		assertThat(entry(history, "restore").at("/cause/type").asString()).isEqualTo("points-payment-expired");
		assertThat(entry(history, "restore").get("points").asLong()).isEqualTo(1000);
	}

	@Test
	void aReleasedCheckoutGivesItsCodeBackAndAReplayChangesNothing() {
		var shop = newShop();
		String code = uniqueCodes(shop.api(), 1).get(0);
		JsonNode first = reserve(shop.api(), "co-1", "O-1", "{}", List.of(code), 0).expect(201).body();
		Response replay = reserve(shop.api(), "co-1", "O-1", "{}", List.of(code), 0).expect(201);
		String id = first.get("id").asString();

		JsonNode released = shop.api().post("/api/v1/checkouts/" + id + ":release", null).expect(200).body();
		JsonNode again = shop.api().post("/api/v1/checkouts/" + id + ":release", null).expect(200).body();

		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.body().get("id").asString()).isEqualTo(id);
		assertThat(released.get("status").asString()).isEqualTo("released");
		assertThat(again.get("status").asString()).isEqualTo("released");
		assertThat(validate(shop.api(), code, "{}", WINE_CART).expect(200).body().get("discount").asString()).isEqualTo("5.00");
		shop.api().post("/api/v1/checkouts", "{\"orderId\":\"O-3\",\"cart\":" + WINE_CART + "}")
			.expectProblem(400, "idempotency-key-missing");
	}

	@Test
	void aNewCheckoutOfTheSameOrderReplacesTheFirstAndAPaidOrderTakesNoOther() throws Exception {
		var shop = newShop();
		List<String> codes = uniqueCodes(shop.api(), 2);
		String first = reserve(shop.api(), "co-1", "O-1", "{}", List.of(codes.get(0)), 0).expect(201).body().get("id").asString();

		String second = reserve(shop.api(), "co-2", "O-1", "{}", List.of(codes.get(1)), 0).expect(201).body().get("id").asString();
		List<Response> payments = concurrently(6, i -> i < 3
				? shop.api().post("/api/v1/checkouts/" + second + ":redeem", null)
				: shop.api().event("paid-" + i, "{\"type\":\"order.paid\",\"member\":{\"externalId\":\"C-1\"},"
						+ "\"order\":{\"id\":\"O-1\",\"currency\":\"EUR\",\"total\":\"74.00\"}}"));

		JsonNode replaced = shop.api().get("/api/v1/checkouts/" + first).body();
		assertThat(replaced.get("status").asString()).isEqualTo("released");
		assertThat(replaced.get("closeReason").asString()).isEqualTo("replaced");
		assertThat(payments).allSatisfy(r -> assertThat(r.status()).isIn(200, 201));
		assertThat(shop.api().get("/api/v1/checkouts/" + second).body().get("status").asString()).isEqualTo("redeemed");
		validate(shop.api(), codes.get(0), "{}", WINE_CART).expect(200);
		validate(shop.api(), codes.get(1), "{}", WINE_CART).expectProblem(409, "coupon-used-up");
		reserve(shop.api(), "co-3", "O-1", "{}", List.of(codes.get(0)), 0).expectProblem(409, "order-already-checked-out");
	}

	@Test
	void aPaidOrderEarnsANextOrderCouponWorthMoreTheSoonerItIsUsed() {
		var shop = newShop();
		String campaign = create(shop.api(), "/api/v1/coupon-campaigns", """
				{"type":"next-order","name":"Come back soon",
				 "terms":{"discount":"percentage","decay":[{"withinDays":7,"percent":15},{"withinDays":30,"percent":10}]}}""");
		shop.api().send("PUT", "/api/v1/checkout-settings", "{\"nextOrderCampaignId\":\"" + campaign + "\"}",
				java.util.Map.of()).expect(200);
		String member = shop.api().event("paid-1", """
				{"type":"order.paid","member":{"externalId":"C-1"},"order":{"id":"1","currency":"EUR","total":"60.00"}}""")
			.expect(201).body().at("/member/id").asString();
		JsonNode coupons = shop.api().get("/api/v1/members/" + member + "/coupons").expect(200).body();
		String code = coupons.at("/0/code").asString();
		String customer = "{\"memberId\":\"" + member + "\"}";
		String cart = "{\"currency\":\"EUR\",\"subtotal\":\"100.00\"}";

		String soon = validate(shop.api(), code, customer, cart).expect(200).body().get("discount").asString();
		clock.advance(Duration.ofDays(8));
		String later = validate(shop.api(), code, customer, cart).expect(200).body().get("discount").asString();
		Response someoneElse = validate(shop.api(), code, "{\"externalId\":\"C-2\"}", cart);
		clock.advance(Duration.ofDays(23));
		Response tooLate = validate(shop.api(), code, customer, cart);

		assertThat(coupons).hasSize(1);
		assertThat(coupons.at("/0/source").asString()).isEqualTo("order");
		assertThat(soon).isEqualTo("15.00");
		assertThat(later).isEqualTo("10.00");
		someoneElse.expectProblem(422, "coupon-member-required");
		tooLate.expectProblem(422, "coupon-expired");
	}


	@Test
	void paidOrdersSentTogetherEachRedeemTheirOwnCheckoutAndEarnTheirOwnCoupon() {
		var shop = newShop();
		String campaign = create(shop.api(), "/api/v1/coupon-campaigns", """
				{"type":"next-order","name":"Come back soon",
				 "terms":{"discount":"percentage","decay":[{"withinDays":30,"percent":10}]}}""");
		shop.api().send("PUT", "/api/v1/checkout-settings", """
				{"nextOrderCampaignId":"%s",
				 "pointsPayment":{"points":100,"per":"1.00","currency":"EUR","maxShare":50,"minPoints":500}}"""
			.formatted(campaign), java.util.Map.of()).expect(200);
		String member = aMemberWithPoints(shop.api(), "C-1", 5000);
		String customer = "{\"memberId\":\"" + member + "\"}";
		List<String> reserved = List.of("7001", "7002", "7003").stream()
			.map(order -> reserve(shop.api(), "co-" + order, order, customer, List.of(), 500).expect(201).body().get("id")
				.asString())
			.toList();

		// Events of one customer go to one writer: sent in one call, they share micro-batches.
		String events = List.of("7001", "7002", "7003", "7004", "7002").stream().map(order -> """
				{"idempotencyKey":"paid-%s","event":{"type":"order.paid","member":{"externalId":"C-1"},
				 "order":{"id":"%s","currency":"EUR","total":"64.90"}}}""".formatted(order, order)).toList().toString();
		JsonNode results = shop.api().post("/api/v1/events:batch", "{\"events\":" + events + "}").expect(200).body()
			.get("results");

		assertThat(results.valueStream().map(r -> r.get("replayed").asBoolean())).containsExactly(false, false, false,
				false, true);
		assertThat(reserved.stream().map(id -> shop.api().get("/api/v1/checkouts/" + id).body().get("status").asString()))
			.containsExactly("redeemed", "redeemed", "redeemed");
		assertThat(shop.api().get("/api/v1/members/" + member + "/coupons").expect(200).body()).as("one per order")
			.hasSize(4);
		assertThat(available(shop.api(), member)).as("5000 - 3 x 500 paid + 4 x 40 earned").isEqualTo(3660);
	}


}
