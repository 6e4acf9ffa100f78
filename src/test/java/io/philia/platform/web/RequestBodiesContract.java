package io.philia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.philia.support.Api.Response;
import io.philia.support.HttpTest;
import io.philia.support.HttpTest.Shop;
import tools.jackson.databind.JsonNode;

/**
 * The bodies of the store API other than events (which have their own contract): a field the request does
 * not have, a name given twice, text PostgreSQL cannot store, an adjustment out of range. Each is a 400
 * naming the field, the same on both databases, and writes nothing.
 */
abstract class RequestBodiesContract extends HttpTest {

	@Test
	void enrollingWithFieldsAMemberDoesNotHaveIsA400NamingEachOne() {
		var shop = newShop();

		JsonNode problem = shop.api().post("/api/v1/members", """
				{"externalId": "C-1", "nickname": "Al", "consents": {"email": {"granted": true, "channel": "web"}}}""")
			.expectProblem(400, "validation")
			.body();

		assertThat(fields(problem)).containsExactlyInAnyOrder("nickname", "consents.email.channel");
		assertThat(problem.at("/errors/0/message").asString()).isEqualTo("is not a known field");
		assertNoMembers(shop);
	}

	@Test
	void anAdjustmentWithAFieldItDoesNotHaveIsA400() {
		var shop = newShop();
		String memberId = aMember(shop);

		JsonNode problem = adjust(shop, memberId, """
				{"points": 50, "reason": "goodwill", "actor": "support", "expiresAt": "2027-01-01"}""")
			.expectProblem(400, "validation")
			.body();

		assertThat(fields(problem)).containsExactly("expiresAt");
		assertThat(available(shop, memberId)).isZero();
	}

	@Test
	void anAdjustmentOfTheSmallestLongIsA400NotAnInsufficientBalance() {
		var shop = newShop();
		String memberId = aMember(shop);

		JsonNode problem = adjust(shop, memberId, """
				{"points": -9223372036854775808, "reason": "typo", "actor": "support"}""")
			.expectProblem(400, "validation")
			.body();

		assertThat(fields(problem)).containsExactly("points");
		assertThat(available(shop, memberId)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\\u0000b", "S\\ud800x", "\\udc00" })
	void textPostgresCannotStoreIsA400NamingTheFieldOnBothDatabases(String text) {
		var shop = newShop();
		String memberId = aMember(shop);

		assertRefused(shop.api().post("/api/v1/members", "{\"externalId\": \"C-2\", \"firstName\": \"" + text + "\"}"),
				"firstName");
		assertRefused(shop.api().patch("/api/v1/members/" + memberId, "{\"lastName\": \"" + text + "\"}"), "lastName");
		assertRefused(adjust(shop, memberId, "{\"points\": 5, \"reason\": \"" + text + "\", \"actor\": \"support\"}"),
				"reason");

		assertThat(shop.api().get("/api/v1/members").body().get("items")).hasSize(1);
		assertThat(shop.api().get("/api/v1/members/" + memberId).body().has("lastName")).isFalse();
		assertThat(available(shop, memberId)).isZero();
	}

	@Test
	void aFractionWhereAWholeNumberIsExpectedIsA400SayingSo() {
		var shop = newShop();
		String memberId = aMember(shop);

		JsonNode problem = adjust(shop, memberId, """
				{"points": 1.5, "reason": "typo", "actor": "support"}""")
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("points");
		assertThat(problem.at("/errors/0/message").asString()).isEqualTo("must be a whole number");
		assertThat(available(shop, memberId)).isZero();
	}

	@Test
	void aMapKeyHoldingUPlus0000IsA400NamingTheMap() {
		var shop = newShop();

		assertRefused(shop.api().post("/api/v1/members", """
				{"externalId": "C-2", "consents": {"email\\u0000": {"granted": true}}}"""), "consents");

		assertNoMembers(shop);
	}

	@Test
	void aQueryParameterHoldingUPlus0000IsA400NamingItOnBothDatabases() {
		var shop = newShop();

		JsonNode problem = shop.api().get("/api/v1/members?externalId=a%00b").expectProblem(400, "validation").body();

		assertThat(fields(problem)).containsExactly("externalId");
	}

	@Test
	void aFieldGivenTwiceIsA400NamingIt() {
		var shop = newShop();
		String memberId = aMember(shop);

		JsonNode problem = shop.api().patch("/api/v1/members/" + memberId, """
				{"firstName": "Ann", "firstName": null}""").expectProblem(400, "validation").body();

		assertThat(fields(problem)).containsExactly("firstName");
		assertThat(shop.api().get("/api/v1/members/" + memberId).body().has("firstName")).isFalse();
	}

	private static void assertRefused(Response response, String field) {
		JsonNode problem = response.expectProblem(400, "validation").body();
		assertThat(fields(problem)).containsExactly(field);
	}

	private static String aMember(Shop shop) {
		return shop.api().post("/api/v1/members", "{\"externalId\": \"C-1\"}").expect(201).body().get("id").asString();
	}

	private static Response adjust(Shop shop, String memberId, String body) {
		return shop.api().post("/api/v1/members/" + memberId + "/points/adjustments", body, "adjust-" + body.hashCode());
	}

	private static long available(Shop shop, String memberId) {
		return shop.api().get("/api/v1/members/" + memberId + "/points").expect(200).points("available");
	}

	private static java.util.List<String> fields(JsonNode problem) {
		return problem.get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	private static void assertNoMembers(Shop shop) {
		assertThat(shop.api().get("/api/v1/members").expect(200).body().get("items")).isEmpty();
	}
}
