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

	static final String WINE_CART = """
			{"currency":"EUR","shipping":"5.90","lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"37.00"}]}""";

	@Autowired
	Checkouts checkouts;

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

	static Response reserve(Api api, String key, String orderId, String customer, List<String> codes, long points) {
		return api.post("/api/v1/checkouts", """
				{"orderId":"%s","customer":%s,"cart":%s,"codes":%s,"points":%d}""".formatted(orderId, customer,
				WINE_CART, codes.stream().map(c -> "\"" + c + "\"").toList(), points), key);
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

	static JsonNode entry(JsonNode history, String kind) {
		for (JsonNode entry : history) {
			if (entry.get("kind").asString().equals(kind)) {
				return entry;
			}
		}
		throw new AssertionError("no " + kind + " in " + history);
	}

	@Test
	void aPromoCodeSaysWhatItTakesOffOrExactlyWhyNotInTheMembersLanguage() {
		var shop = newShop();
		promo(shop.api(), "NOEL25", "");
		String guest = "{\"ip\": \"198.51.100.1\"}";

		JsonNode applied = validate(shop.api(), "noel-25", guest, WINE_CART).expect(200).body();
		Response small = validate(shop.api(), "NOEL25", guest, """
				{"currency":"EUR","lines":[{"sku":"W-1","category":"wine","quantity":1,"unitPrice":"20.00"}]}""");
		Response inEnglish = shop.api().post("/api/v1/coupons/NOEL25:validate", """
				{"cart":{"currency":"EUR","subtotal":"20.00"},"locale":"en"}""");
		Response cheese = validate(shop.api(), "NOEL25", guest, """
				{"currency":"EUR","lines":[{"sku":"C-1","category":"cheese","quantity":5,"unitPrice":"20.00"}]}""");
		Response dollars = validate(shop.api(), "NOEL25", guest, "{\"currency\":\"USD\",\"subtotal\":\"90.00\"}");

		assertThat(applied.get("discount").asString()).isEqualTo("18.50");
		assertThat(applied.get("code").asString()).isEqualTo("NOEL25");
		small.expectProblem(422, "coupon-minimum-basket");
		assertThat(small.body().get("message").asString()).startsWith("Ce code demande un panier d'au moins 50,00");
		inEnglish.expectProblem(422, "coupon-minimum-basket");
		assertThat(inEnglish.body().get("message").asString()).startsWith("This code needs a basket of at least €50.00");
		cheese.expectProblem(422, "coupon-out-of-scope");
		dollars.expectProblem(422, "coupon-currency");
		validate(shop.api(), "NOPE99", guest, WINE_CART).expectProblem(404, "coupon-not-found");
	}

	@Test
	void codesRefuseOutsideTheirWindowAndWhenTheyDoNotStack() {
		var shop = newShop();
		promo(shop.api(), "SOON", "\"validFrom\": \"2099-01-01T00:00:00Z\"");
		promo(shop.api(), "BRIEF", "\"validUntil\": \"" + clock.instant().plusSeconds(1) + "\"");
		promo(shop.api(), "SOLO", "");
		create(shop.api(), "/api/v1/coupon-campaigns", """
				{"type":"promo","name":"Shipping","code":"SHIPFREE","terms":{"discount":"free-shipping","stackable":true}}""");
		clock.advance(Duration.ofSeconds(2));
		String guest = "{}";

		validate(shop.api(), "SOON", guest, WINE_CART).expectProblem(422, "coupon-not-yet-valid");
		validate(shop.api(), "BRIEF", guest, WINE_CART).expectProblem(422, "coupon-expired");
		Response together = shop.api().post("/api/v1/coupons/SHIPFREE:validate",
				"{\"cart\": " + WINE_CART + ", \"otherCodes\": [\"SOLO\"]}");
		JsonNode alone = shop.api().post("/api/v1/checkouts:validate",
				"{\"cart\": " + WINE_CART + ", \"codes\": [\"SHIPFREE\"]}").expect(200).body();

		together.expectProblem(422, "coupon-not-stackable");
		assertThat(alone.at("/codes/0/freeShipping").asBoolean()).isTrue();
		assertThat(alone.get("discount").asString()).isEqualTo("5.90");
		assertThat(alone.get("total").asString()).isEqualTo("74.00");
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
	void badInputIsAProblemNeverA500AndWritesNothing() {
		var shop = newShop();
		var api = shop.api();
		String member = aMemberWithPoints(api, "C-1", 1000);
		promo(api, "GOOD", "");
		String[][] cases = {
				{ "/api/v1/coupons/GOOD:validate", "{}" },
				{ "/api/v1/coupons/GOOD:validate", "{\"cart\":{\"currency\":\"EURO\",\"subtotal\":\"1\"}}" },
				{ "/api/v1/coupons/GOOD:validate", "{\"cart\":{\"currency\":\"EUR\",\"subtotal\":\"-5.00\"}}" },
				{ "/api/v1/coupons/GOOD:validate", "{\"cart\":{\"currency\":\"EUR\",\"subtotal\":\"1.001\"}}" },
				{ "/api/v1/coupons/GOOD:validate", "{\"cart\":{\"currency\":\"EUR\",\"lines\":[{\"sku\":\"\",\"quantity\":0}]}}" },
				{ "/api/v1/coupons/GOOD:validate", "{\"customer\":{\"memberId\":\"not-an-id\"},\"cart\":{\"currency\":\"EUR\",\"subtotal\":\"60.00\"}}" },
				{ "/api/v1/coupons/GOOD:validate", "{\"cart\":{\"currency\":\"EUR\",\"subtotal\":\"99999999999999999999\"}}" },
				{ "/api/v1/coupons/GOOD:validate", "[1,2]" },
				{ "/api/v1/checkouts:validate", "{\"cart\":{\"currency\":\"EUR\",\"subtotal\":\"60.00\"},\"points\":-1}" },
				{ "/api/v1/checkouts:validate", "{\"cart\":{\"currency\":\"EUR\",\"subtotal\":\"60.00\"},\"points\":10}" },
				{ "/api/v1/checkouts:validate", "{\"cart\":{\"currency\":\"EUR\",\"subtotal\":\"60.00\"},\"codes\":[\"GOOD\",\"good\"]}" },
				{ "/api/v1/coupon-campaigns", "{\"type\":\"promo\",\"name\":\"x\",\"code\":\"a!\",\"terms\":{}}" },
				{ "/api/v1/coupon-campaigns", "{\"type\":\"codes\",\"name\":\"x\",\"terms\":{\"discount\":\"amount\",\"amount\":\"5\"},\"validFrom\":\"tomorrow\"}" },
				{ "/api/v1/coupon-campaigns", "{\"type\":\"next-order\",\"name\":\"x\",\"terms\":{\"discount\":\"percentage\",\"decay\":[{\"withinDays\":30,\"percent\":10},{\"withinDays\":7,\"percent\":15}]}}" },
				{ "/api/v1/rewards", "{\"kind\":\"donation\",\"costPoints\":10,\"name\":{\"fr\":\"Don\"},\"charity\":\"X\",\"donation\":\"abc\"}" },
				{ "/api/v1/rewards", "{\"kind\":\"gift\",\"costPoints\":10,\"name\":{\"en\":\"G\"},\"availableFrom\":\"2027-01-01T00:00:00Z\",\"availableUntil\":\"2026-01-01T00:00:00Z\"}" },
				{ "/api/v1/members/" + member + "/redemptions", "{\"rewardId\":\"nope\"}" },
				{ "/api/v1/members/" + member + "/redemptions", "{}" } };

		for (String[] c : cases) {
			Response response = api.post(c[0], c[1], "bad-" + c[1].hashCode());
			assertThat(response.status()).as("%s %s: %s", c[0], c[1], response.raw().body()).isBetween(400, 499);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
		api.post("/api/v1/coupon-campaigns/" + java.util.UUID.randomUUID() + "/codes:generate", "{\"count\":5}", "g")
			.expectProblem(404, "coupon-campaign-not-found");
		String promoCampaign = api.get("/api/v1/coupon-campaigns").body().at("/items/0/id").asString();
		api.post("/api/v1/coupon-campaigns/" + promoCampaign + "/codes:generate", "{\"count\":0}", "g0")
			.expectProblem(400, "validation");
		api.send("PUT", "/api/v1/checkout-settings", "{\"pointsPayment\":{\"points\":0,\"per\":\"x\",\"currency\":\"EUR\",\"maxShare\":120}}",
				java.util.Map.of()).expectProblem(400, "validation");

		assertThat(api.get("/api/v1/rewards").body().get("items")).isEmpty();
		assertThat(api.get("/api/v1/coupon-campaigns").body().get("items")).hasSize(1);
		assertThat(available(api, member)).isEqualTo(1000);
		assertThat(api.get("/api/v1/checkout-settings").body().has("pointsPayment")).isFalse();
	}

	@Test
	void theOpenApiDocumentDescribesTheRewardAndCheckoutEndpoints() {
		JsonNode paths = admin.get("/v3/api-docs").expect(200).body().get("paths");

		assertThat(paths.propertyNames()).contains("/api/v1/rewards", "/api/v1/members/{memberId}/redemptions",
				"/api/v1/coupon-campaigns", "/api/v1/coupon-campaigns/{campaignId}/codes:generate",
				"/api/v1/coupons/{code}:validate", "/api/v1/checkouts", "/api/v1/checkouts/{checkoutId}:redeem",
				"/api/v1/checkouts/{checkoutId}:release", "/api/v1/checkout-settings");
		String body = paths.get("/api/v1/checkouts").get("post").get("requestBody").toString();
		assertThat(body).contains("CheckoutRequest", "\"orderId\":\"5001\"").doesNotContain("StoreContext");
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
	void unknownCodesAreLimitedPerCustomerWithRetryAfter() {
		var shop = newShop();
		promo(shop.api(), "REAL", "");
		String guesser = "{\"ip\": \"203.0.113.66\"}";
		for (int i = 0; i < 10; i++) {
			validate(shop.api(), "GUESS" + i, guesser, WINE_CART).expectProblem(404, "coupon-not-found");
		}

		Response blocked = validate(shop.api(), "REAL", guesser, WINE_CART);
		Response someoneElse = validate(shop.api(), "REAL", "{\"ip\": \"203.0.113.67\"}", WINE_CART);
		clock.advance(Duration.ofMinutes(2));
		Response afterAWhile = validate(shop.api(), "REAL", guesser, WINE_CART);

		blocked.expectProblem(429, "too-many-failed-code-lookups");
		assertThat(Long.parseLong(blocked.header("Retry-After"))).isPositive();
		assertThat(blocked.body().get("message").asString()).startsWith("Trop de codes invalides");
		someoneElse.expect(200);
		afterAWhile.expect(200);
	}

	@Test
	void generatedCodesAreUniqueUnambiguousAndExportedWithTheirPrefix() {
		var shop = newShop();

		List<String> codes = uniqueCodes(shop.api(), 2000);

		assertThat(codes).hasSize(2000).doesNotHaveDuplicates();
		assertThat(codes).allSatisfy(c -> assertThat(c).matches("FLY-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"));
	}
}
