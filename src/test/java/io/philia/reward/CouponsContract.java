package io.philia.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.philia.support.Api.Response;
import tools.jackson.databind.JsonNode;

/** Codes at the checkout: what they take off or exactly why not, generated codes, the limit against guessing. */
abstract class CouponsContract extends RewardTest {

	@Test
	void aGuestIsToldInTheProgrammesDefaultLocaleAsItIsNow() {
		var shop = newShop();
		promo(shop.api(), "NOEL25", "");
		String guest = "{\"ip\": \"198.51.100.2\"}";
		String small = "{\"currency\":\"EUR\",\"subtotal\":\"20.00\"}";
		Response inFrench = validate(shop.api(), "NOEL25", guest, small);

		admin.patch("/api/v1/admin/programmes/" + shop.programId(), "{\"defaultLocale\": \"en\"}").expect(200);
		Response inEnglish = validate(shop.api(), "NOEL25", guest, small);

		assertThat(inFrench.body().get("message").asString()).startsWith("Ce code demande un panier d'au moins 50,00");
		assertThat(inEnglish.body().get("message").asString()).startsWith("This code needs a basket of at least €50.00");
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
	void aCodeIsAnsweredAsCustomersSeeItHoweverItWasTyped() {
		var shop = newShop();
		String generated = uniqueCodes(shop.api(), 1).get(0);
		String member = aMemberWithPoints(shop.api(), "C-1", 1000);
		String reward = create(shop.api(), "/api/v1/rewards", """
				{"kind":"voucher","costPoints":1000,"name":{"en":"Voucher"},
				 "coupon":{"discount":"amount","amount":"10.00","currency":"EUR"}}""");
		String issued = shop.api().post("/api/v1/members/" + member + "/redemptions", "{\"rewardId\":\"" + reward + "\"}",
				"r").expect(201).body().at("/details/couponCode").asString();
		String customer = "{\"memberId\":\"" + member + "\"}";

		JsonNode validated = validate(shop.api(), generated.replace("-", "").toLowerCase(), customer, WINE_CART)
			.expect(200).body();
		JsonNode checkout = shop.api().post("/api/v1/checkouts:validate", """
				{"customer":%s,"cart":%s,"codes":["%s"]}""".formatted(customer, WINE_CART, issued.replace("-", " ")))
			.expect(200).body();

		assertThat(generated).startsWith("FLY-");
		assertThat(validated.get("code").asString()).isEqualTo(generated);
		assertThat(checkout.at("/codes/0/code").asString()).isEqualTo(issued);
	}

	@Test
	void generatedCodesAreUniqueUnambiguousAndExportedWithTheirPrefix() {
		var shop = newShop();

		List<String> codes = uniqueCodes(shop.api(), 2000);

		assertThat(codes).hasSize(2000).doesNotHaveDuplicates();
		assertThat(codes).allSatisfy(c -> assertThat(c).matches("FLY-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"));
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
}
