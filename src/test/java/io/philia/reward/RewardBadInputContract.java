package io.philia.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.philia.support.Api;
import io.philia.support.Api.Response;
import tools.jackson.databind.JsonNode;

/**
 * Bad input to the reward, coupon and checkout endpoints: a 400 validation problem naming the field at
 * fault, never a 500, and nothing written (no code used, no points spent, no reward or campaign made).
 */
abstract class RewardBadInputContract extends RewardTest {

	/** The three endpoints that take a cart, with a code the shop's customer typed. */
	static Response withCart(Api api, String endpoint, String code, String cart) {
		return switch (endpoint) {
			case "coupon" -> api.post("/api/v1/coupons/" + code + ":validate", "{\"cart\":" + cart + "}");
			case "validate" -> api.post("/api/v1/checkouts:validate",
					"{\"cart\":" + cart + ",\"codes\":[\"" + code + "\"]}");
			default -> api.post("/api/v1/checkouts", "{\"orderId\":\"O-1\",\"cart\":" + cart + ",\"codes\":[\"" + code
					+ "\"]}", "co-" + cart.hashCode());
		};
	}

	static String field(Response refused) {
		refused.expectProblem(400, "validation");
		JsonNode errors = refused.body().get("errors");
		assertThat(errors).as(refused.raw().body()).hasSize(1);
		return errors.get(0).get("field").asString();
	}

	/** The single-use code is still there to use: the refused request held nothing. */
	static void assertCodeUnused(Api api, String code) {
		validate(api, code, "{}", WINE_CART).expect(200);
		reserve(api, code).expect(201);
	}

	static Response reserve(Api api, String code) {
		return api.post("/api/v1/checkouts", "{\"orderId\":\"O-2\",\"cart\":" + WINE_CART + ",\"codes\":[\"" + code
				+ "\"]}", "co-after");
	}

	@ParameterizedTest(name = "{0}: {2}")
	@CsvSource(delimiter = '|', textBlock = """
			coupon   | cart.lines[0].unitPrice | {"currency":"EUR","lines":[{"sku":"a","quantity":1000000,"unitPrice":"99999999999999.00"}]}
			validate | cart.lines[0].unitPrice | {"currency":"EUR","lines":[{"sku":"a","quantity":1000000,"unitPrice":"99999999999999.00"}]}
			reserve  | cart.lines[0].unitPrice | {"currency":"EUR","lines":[{"sku":"a","quantity":1000000,"unitPrice":"99999999999999.00"}]}
			validate | cart.lines[0].unitPrice | {"currency":"EUR","lines":[{"sku":"a","quantity":1,"unitPrice":"999999999999999.99"}]}
			validate | cart.lines[1].unitPrice | {"currency":"JPY","lines":[{"sku":"a","quantity":1,"unitPrice":"1"},{"sku":"b","quantity":2,"unitPrice":"500000000001"}]}
			validate | cart.lines[0].quantity  | {"currency":"EUR","lines":[{"sku":"a","quantity":2147483647,"unitPrice":"1.00"}]}
			reserve  | cart.lines              | {"currency":"EUR","lines":[{"sku":"a","quantity":1,"unitPrice":"600000000000.00"},{"sku":"b","quantity":1,"unitPrice":"600000000000.00"}]}
			coupon   | cart.subtotal           | {"currency":"EUR","subtotal":"999999999999999.99"}
			reserve  | cart.shipping           | {"currency":"EUR","subtotal":"60.00","shipping":"999999999999999.99"}
			""")
	void aCartTooLargeToPriceIsA400NamingTheFieldAndHoldsNothing(String endpoint, String field, String cart) {
		var shop = newShop();
		String code = uniqueCodes(shop.api(), 1).get(0);

		Response refused = withCart(shop.api(), endpoint, code, cart);

		assertThat(field(refused)).isEqualTo(field);
		assertCodeUnused(shop.api(), code);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			EUR | 1000000000000.00
			JPY | 1000000000000
			BHD | 1000000000000.000
			""")
	void theLargestCartThatMayBePricedIsPriced(String currency, String total) {
		var shop = newShop();

		JsonNode priced = shop.api().post("/api/v1/checkouts:validate", """
				{"cart":{"currency":"%s","shipping":"%s","lines":[{"sku":"a","quantity":1000000,"unitPrice":"%s"}]}}"""
			.formatted(currency, total, total.replace("1000000000000", "1000000")))
			.expect(200)
			.body();

		assertThat(priced.get("subtotal").asString()).isEqualTo(total);
		assertThat(priced.get("shipping").asString()).isEqualTo(total);
		assertThat(priced.get("total").asString()).isEqualTo(total.replaceFirst("^1", "2"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			costPoints     | /api/v1/rewards          | {"kind":"voucher","costPoints":5.5,"name":{"en":"V"},"coupon":{"discount":"amount","amount":"5.00","currency":"EUR"}}
			coupon.percent | /api/v1/rewards          | {"kind":"percentage-discount","costPoints":5,"name":{"en":"P"},"coupon":{"discount":"percentage","percent":12.5}}
			terms.percent  | /api/v1/coupon-campaigns | {"type":"promo","name":"P","code":"HALF","terms":{"discount":"percentage","percent":12.5}}
			""")
	void aFractionWhereAWholeNumberIsExpectedIsA400AndMakesNothing(String field, String path, String body) {
		var shop = newShop();

		Response refused = shop.api().post(path, body, "k");

		assertThat(field(refused)).isEqualTo(field);
		assertThat(shop.api().get("/api/v1/rewards").body().get("items")).isEmpty();
		assertThat(shop.api().get("/api/v1/coupon-campaigns").body().get("items")).isEmpty();
	}

	@Test
	void aFractionalCountOfCodesIsA400AndGeneratesNone() {
		var shop = newShop();
		String campaign = create(shop.api(), "/api/v1/coupon-campaigns", """
				{"type":"codes","name":"Flyer","terms":{"discount":"amount","amount":"5.00","currency":"EUR"}}""");

		Response refused = shop.api().post("/api/v1/coupon-campaigns/" + campaign + "/codes:generate", "{\"count\":2.7}",
				"gen");

		assertThat(field(refused)).isEqualTo("count");
		assertThat(shop.api().get("/api/v1/coupon-campaigns/" + campaign + "/codes").expect(200).raw().body().lines())
			.hasSize(1);
	}

	@Test
	void aFractionalQuantityOrNumberOfPointsAtCheckoutIsA400AndHoldsNothing() {
		var shop = newShop();
		shop.api().send("PUT", "/api/v1/checkout-settings",
				"{\"pointsPayment\":{\"points\":1,\"per\":\"0.01\",\"currency\":\"EUR\"}}", java.util.Map.of())
			.expect(200);
		String member = aMemberWithPoints(shop.api(), "C-1", 1000);
		String code = uniqueCodes(shop.api(), 1).get(0);
		String checkout = """
				{"orderId":"O-1","customer":{"memberId":"%s"},"codes":["%s"],"points":%s,
				 "cart":{"currency":"EUR","lines":[{"sku":"W-1","quantity":%s,"unitPrice":"37.00"}]}}""";

		Response quantity = shop.api().post("/api/v1/checkouts", checkout.formatted(member, code, "15", "1.9"), "q");
		Response points = shop.api().post("/api/v1/checkouts", checkout.formatted(member, code, "15.9", "2"), "p");
		Response validated = shop.api().post("/api/v1/checkouts:validate", checkout.formatted(member, code, "15.9", "2"));

		assertThat(field(quantity)).isEqualTo("cart.lines[0].quantity");
		assertThat(field(points)).isEqualTo("points");
		assertThat(field(validated)).isEqualTo("points");
		assertThat(available(shop.api(), member)).isEqualTo(1000);
		assertCodeUnused(shop.api(), code);
	}

	@ParameterizedTest(name = "{1}")
	@CsvSource(delimiter = '|', textBlock = """
			pointsPayment.currency | {"points":10,"per":"1.00","currency":"eur"}
			pointsPayment.currency | {"points":10,"per":"1.00","currency":"XYZ"}
			pointsPayment.currency | {"points":10,"per":"1.00"}
			pointsPayment.per      | {"points":10,"per":"1.001","currency":"EUR"}
			pointsPayment.per      | {"points":10,"currency":"EUR"}
			pointsPayment.per      | {"points":10,"per":"0.00","currency":"EUR"}
			""")
	void pointsAsPaymentRefusedForItsCurrencyOrRateNamesThatField(String field, String pointsPayment) {
		var shop = newShop();

		Response refused = shop.api().send("PUT", "/api/v1/checkout-settings", "{\"pointsPayment\":" + pointsPayment + "}",
				java.util.Map.of());

		assertThat(field(refused)).isEqualTo(field);
		assertThat(shop.api().get("/api/v1/checkout-settings").body().has("pointsPayment")).isFalse();
	}

	@Test
	void aNullCodeIsA400NamingItAndUsesNoneOfTheAllowanceForUnknownCodes() {
		var shop = newShop();
		promo(shop.api(), "REAL", "");
		String guest = "{\"ip\":\"203.0.113.66\"}";
		String cart = "\"customer\":" + guest + ",\"cart\":" + WINE_CART;

		List<Response> validated = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> shop.api().post("/api/v1/checkouts:validate", "{" + cart + ",\"codes\":[\"REAL\",null]}"))
			.toList();
		Response reserved = shop.api().post("/api/v1/checkouts", "{\"orderId\":\"O-1\"," + cart + ",\"codes\":[null]}",
				"co-1");
		Response withOthers = shop.api().post("/api/v1/coupons/REAL:validate", "{" + cart + ",\"otherCodes\":[null]}");

		assertThat(validated).allSatisfy(r -> assertThat(field(r)).isEqualTo("codes[1]"));
		assertThat(field(reserved)).isEqualTo("codes[0]");
		assertThat(field(withOthers)).isEqualTo("otherCodes[0]");
		validate(shop.api(), "REAL", guest, WINE_CART).expect(200);
	}
}
