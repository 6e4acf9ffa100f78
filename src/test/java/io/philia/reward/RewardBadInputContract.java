package io.philia.reward;

import static org.assertj.core.api.Assertions.assertThat;


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
}
