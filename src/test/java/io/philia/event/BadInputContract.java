package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.philia.support.HttpTest;
import io.philia.support.HttpTest.Shop;
import tools.jackson.databind.JsonNode;

/** Every bad input gets a clear problem+json 4xx, and nothing is written. */
abstract class BadInputContract extends HttpTest {

	static final String GOOD = """
			{"type":"order.paid","member":{"externalId":"C-1"},
			 "order":{"id":"1","currency":"EUR","total":"150.00","lines":[{"sku":"A","quantity":1,"unitPrice":"150.00"}]}}""";

	@ParameterizedTest
	@ValueSource(strings = { "{", "not json", "[1,2", "{\"type\": \"order.paid\",}", "\"just a string\"" })
	void malformedJsonIsA400(String body) {
		var shop = newShop();

		shop.api().event("k", body).expectProblem(400, "malformed-json");

		assertNothingWritten(shop);
	}

	@Test
	void anUnknownEventTypeIsA400() {
		var shop = newShop();

		shop.api().event("k", GOOD.replace("order.paid", "order.shipped")).expectProblem(400, "unknown-event-type");

		assertNothingWritten(shop);
	}

	@Test
	void aMissingTotalIsA400NamingTheField() {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", GOOD.replace("\"total\":\"150.00\",", "")).expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("order.total");
		assertNothingWritten(shop);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-150.00", "abc", "1.234", "1e5", "", "150,00" })
	void aNegativeOrNonNumericTotalIsA400(String total) {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", GOOD.replace("\"150.00\",\"lines\"", "\"" + total + "\",\"lines\""))
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("order.total");
		assertNothingWritten(shop);
	}

	@Test
	void aNumberWhereTextIsExpectedOrTheOtherWayRoundIsA400() {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", GOOD.replace("\"quantity\":1", "\"quantity\":\"one\""))
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("order.lines[0].quantity");
		assertNothingWritten(shop);
	}

	@ParameterizedTest
	@ValueSource(strings = { "XYZ", "eur", "EURO", "" })
	void anUnknownCurrencyIsA400(String currency) {
		var shop = newShop();

		shop.api().event("k", GOOD.replace("\"EUR\"", "\"" + currency + "\"")).expectProblem(400, "validation");

		assertNothingWritten(shop);
	}

	@Test
	void anOrderInAnotherCurrencyThanTheStoresIsA422() {
		var shop = newShop();

		shop.api().event("k", GOOD.replace("\"EUR\"", "\"USD\"")).expectProblem(422, "currency-mismatch");

		assertNothingWritten(shop);
	}

	@Test
	void everyFieldAtFaultIsListedAtOnce() {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", """
				{"type":"order.paid","occurredAt":"yesterday","member":{"email":"not-an-email"},
				 "order":{"id":"","currency":"EUR","total":"-1","lines":[{"quantity":0,"unitPrice":"x"}]}}""")
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.get("errors").valueStream().map(e -> e.get("field").asString())).contains("occurredAt",
				"member.email", "order.id", "order.total", "order.lines[0].sku", "order.lines[0].quantity");
		assertNothingWritten(shop);
	}

	@Test
	void aBodyOverOneMebibyteIsA413() {
		var shop = newShop();
		String padding = "x".repeat(1024 * 1024);

		var refused = shop.api().event("k", GOOD.replace("\"id\":\"1\"", "\"id\":\"1\",\"note\":\"" + padding + "\""))
			.expectProblem(413, "payload-too-large");

		// Written by a filter, before any controller: the same shape as the controllers' problems.
		assertThat(refused.body().get("instance").asString()).isEqualTo("/api/v1/events");

		assertNothingWritten(shop);
	}

	@Test
	void aChunkedBodyOverOneMebibyteIsA413Too() throws Exception {
		var shop = newShop();
		byte[] body = GOOD.replace("\"id\":\"1\"", "\"id\":\"1\",\"note\":\"" + "x".repeat(1024 * 1024) + "\"")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		// No Content-Length: the limit must be enforced while reading.
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/events"))
			.header("Authorization", "Bearer " + shop.api().key())
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", "k")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body)))
			.build();

		var response = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertNothingWritten(shop);
	}

	@Test
	void aRefundLargerThanTheOrderIsA422AndTakesNothingBack() {
		var shop = newShop();
		String memberId = shop.api().event("paid", GOOD).expect(201).body().at("/member/id").asString();

		shop.api().event("refund", """
				{"type":"order.refunded","order":{"id":"1"},"refund":{"amount":"150.01"}}""")
			.expectProblem(422, "refund-exceeds-order");
		shop.api().event("refund-unknown", """
				{"type":"order.refunded","order":{"id":"nope"}}""").expectProblem(422, "order-unknown");

		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").points("available")).isEqualTo(100);
	}

	@Test
	void aMissingOrWrongApiKeyIsA401() {
		var shop = newShop();

		var refused = shop.api().withKey(null).post("/api/v1/events", GOOD, "k").expectProblem(401, "unauthenticated");
		assertThat(refused.body().get("instance").asString()).isEqualTo("/api/v1/events");
		assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
		shop.api().withKey("phk_wrongwrongwrongwrongwrongwrong").post("/api/v1/events", GOOD, "k")
			.expectProblem(401, "unauthenticated");
		shop.api().withKey(ADMIN_KEY).post("/api/v1/events", GOOD, "k").expectProblem(401, "unauthenticated");

		assertNothingWritten(shop);
	}

	@Test
	void aStoreKeyCannotUseTheAdministrationApi() {
		var shop = newShop();

		var refused = shop.api().get("/api/v1/admin/programmes").expectProblem(401, "admin-key-required");

		assertThat(refused.body().get("instance").asString()).isEqualTo("/api/v1/admin/programmes");
	}

	@Test
	void aBodyThatIsNotJsonIsA415() {
		var shop = newShop();

		var response = shop.api().send("POST", "/api/v1/events", "type=order.paid",
				Map.of("Content-Type", "text/plain", "Idempotency-Key", "k"));

		assertThat(response.status()).isIn(400, 415);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertNothingWritten(shop);
	}

	@Test
	void unknownPathsAndMethodsAreProblemsToo() {
		var shop = newShop();

		shop.api().get("/api/v1/nothing-here").expectProblem(404, "not-found");
		shop.api().delete("/api/v1/events").expectProblem(405, "method-not-allowed");
		shop.api().get("/api/v1/members/not-an-id").expectProblem(404, "member-not-found");
		shop.api().get("/api/v1/members?limit=0").expectProblem(400, "validation");
		shop.api().get("/api/v1/members?limit=abc").expectProblem(400, "validation");
		shop.api().get("/api/v1/members?cursor=abc%21").expectProblem(400, "validation");
	}

	static Stream<Arguments> textPostgresCannotStore() {
		return Stream.of(
				Arguments.of(GOOD.replace("\"C-1\"", "\"C\\u0000-1\""), "member.externalId"),
				Arguments.of(GOOD.replace("\"C-1\"", "\"C-1\", \"firstName\": \"Ann\\u0000\""), "member.firstName"),
				Arguments.of(GOOD.replace("\"id\":\"1\"", "\"id\":\"1\\u0000\""), "order.id"),
				Arguments.of(GOOD.replace("\"sku\":\"A\"", "\"sku\":\"A\\u0000\""), "order.lines[0].sku"),
				// Stored as "S?x" by PostgreSQL, where "S\\udbffx" would become the same member.
				Arguments.of(GOOD.replace("\"C-1\"", "\"S\\ud800x\""), "member.externalId"),
				Arguments.of(GOOD.replace("\"C-1\"", "\"\\udc00\""), "member.externalId"),
				Arguments.of("""
						{"type":"custom.review","member":{"externalId":"C-1"},"data":{"stars":5,"text":["ok","a\\u0000"]}}""",
						"data.text[1]"));
	}

	@ParameterizedTest
	@MethodSource("textPostgresCannotStore")
	void textPostgresCannotStoreIsA400NamingTheFieldOnBothDatabases(String body, String field) {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", body).expectProblem(400, "validation").body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo(field);
		assertThat(problem.at("/errors/0/message").asString()).startsWith("must");
		assertNothingWritten(shop);
	}

	@Test
	void aBatchHoldingTextPostgresCannotStoreIsRefusedWhole() {
		var shop = newShop();

		JsonNode problem = shop.api().post("/api/v1/events:batch", "{\"events\": [{\"idempotencyKey\": \"a\", \"event\": "
				+ GOOD + "}, {\"idempotencyKey\": \"b\", \"event\": " + GOOD.replace("\"C-1\"", "\"C\\u0000\"") + "}]}")
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("events[1].event.member.externalId");
		assertNothingWritten(shop);
	}

	@ParameterizedTest
	@ValueSource(strings = { "+999999999-12-31T23:59:59Z", "+300000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
			"1969-12-31T23:59:59Z", "-0001-01-01T00:00:00+01:00" })
	void anOccurredAtOutsideTheYears1970To9999IsA400NamingIt(String occurredAt) {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", GOOD.replace("{\"type\":\"order.paid\",",
				"{\"type\":\"order.paid\",\"occurredAt\":\"" + occurredAt + "\","))
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("occurredAt");
		assertThat(problem.at("/errors/0/message").asString()).contains("1970-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
		assertNothingWritten(shop);
	}

	@Test
	void anOccurredAtOnTheBoundsIsAccepted() {
		var shop = newShop();

		shop.api().event("first", GOOD.replace("{\"type\":\"order.paid\",",
				"{\"type\":\"order.paid\",\"occurredAt\":\"1970-01-01T00:00:00Z\",")).expect(201);
		shop.api().event("last", GOOD.replace("\"id\":\"1\"", "\"id\":\"2\"").replace("{\"type\":\"order.paid\",",
				"{\"type\":\"order.paid\",\"occurredAt\":\"9999-12-31T23:59:59Z\",")).expect(201);
	}

	@Test
	void aRefundOrCancellationNamingAnotherCurrencyThanItsOrdersIsRefused() {
		var shop = newShop();
		String memberId = shop.api().event("paid", GOOD).expect(201).body().at("/member/id").asString();

		JsonNode unknown = shop.api().event("refund-xyz", """
				{"type":"order.refunded","order":{"id":"1","currency":"XYZ"},"refund":{"amount":"5"}}""")
			.expectProblem(400, "validation")
			.body();
		JsonNode unknownOnCancel = shop.api().event("cancel-xyz", """
				{"type":"order.cancelled","order":{"id":"1","currency":"XYZ"}}""").expectProblem(400, "validation").body();
		JsonNode contradicting = shop.api().event("refund-eur-usd", """
				{"type":"order.refunded","order":{"id":"1","currency":"EUR"},"refund":{"amount":"5","currency":"USD"}}""")
			.expectProblem(400, "validation")
			.body();
		shop.api().event("refund-usd", """
				{"type":"order.refunded","order":{"id":"1","currency":"USD"},"refund":{"amount":"5"}}""")
			.expectProblem(422, "currency-mismatch");
		shop.api().event("refund-all-usd", """
				{"type":"order.refunded","order":{"id":"1","currency":"USD"}}""").expectProblem(422, "currency-mismatch");
		shop.api().event("cancel-usd", """
				{"type":"order.cancelled","order":{"id":"1","currency":"USD"}}""").expectProblem(422, "currency-mismatch");

		assertThat(unknown.at("/errors/0/field").asString()).isEqualTo("order.currency");
		assertThat(unknownOnCancel.at("/errors/0/field").asString()).isEqualTo("order.currency");
		assertThat(contradicting.at("/errors/0/field").asString()).isEqualTo("refund.currency");
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").points("available")).isEqualTo(100);
		shop.api().event("refund-eur", """
				{"type":"order.refunded","order":{"id":"1","currency":"EUR"},"refund":{"amount":"15.00"}}""").expect(201);
	}

	@Test
	void aFieldGivenTwiceIsA400NamingItNotTheLastOneWinning() {
		var shop = newShop();
		String paidThenCancelled = GOOD.substring(0, GOOD.lastIndexOf('}')) + ",\"type\":\"order.cancelled\"}";

		JsonNode problem = shop.api().event("k", paidThenCancelled).expectProblem(400, "validation").body();
		JsonNode nested = shop.api().event("k2", GOOD.replace("\"id\":\"1\"", "\"id\":\"1\",\"id\":\"2\""))
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("type");
		assertThat(nested.at("/errors/0/field").asString()).isEqualTo("order.id");
		assertNothingWritten(shop);
		shop.api().event("paid", GOOD).expect(201);
	}

	@Test
	void eventsStayLenientAboutFieldsPhiliaDoesNotKnow() {
		var shop = newShop();
		String withExtras = GOOD.replace("{\"type\":\"order.paid\",", "{\"type\":\"order.paid\",\"source\":\"shopify\",")
			.replace("\"externalId\":\"C-1\"", "\"externalId\":\"C-1\",\"tags\":[\"vip\"]")
			.replace("\"total\":\"150.00\"", "\"total\":\"150.00\",\"channel\":{\"name\":\"web\"}")
			.replace("\"quantity\":1", "\"quantity\":1,\"taxRate\":\"0.2\"");

		shop.api().event("single", withExtras).expect(201);
		// Through the controller too (another Accept header): the filter before it reads with the same mapper.
		shop.api().send("POST", "/api/v1/events", withExtras.replace("\"id\":\"1\"", "\"id\":\"3\""),
				Map.of("Idempotency-Key", "controller", "Accept", "application/json, text/plain;q=0.5")).expect(201);
		JsonNode batch = shop.api().post("/api/v1/events:batch", "{\"events\": [{\"idempotencyKey\": \"b\", \"note\": 1, "
				+ "\"event\": " + withExtras.replace("\"id\":\"1\"", "\"id\":\"2\"") + "}], \"sentBy\": \"connector\"}")
			.expect(200)
			.body();

		assertThat(batch.get("accepted").asInt()).isEqualTo(1);
		assertThat(shop.api().get("/api/v1/members").body().at("/items/0/externalId").asString()).isEqualTo("C-1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,2]", "\"just a string\"", "42" })
	void aBodyThatIsNotAnObjectIsToldSo(String body) {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", body).expectProblem(400, "malformed-json").body();

		assertThat(problem.get("detail").asString()).startsWith("The body must be a JSON object");
		assertNothingWritten(shop);
	}

	@Test
	void aTotalOverTheLimitIsToldTheLimit() {
		var shop = newShop();

		JsonNode problem = shop.api().event("k", GOOD.replace("\"total\":\"150.00\"", "\"total\":\"1000000000000000000\""))
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.at("/errors/0/field").asString()).isEqualTo("order.total");
		assertThat(problem.at("/errors/0/message").asString()).contains("999999999999999");
		assertNothingWritten(shop);
	}

	private static void assertNothingWritten(Shop shop) {
		assertThat(shop.api().get("/api/v1/members").expect(200).body().get("items")).isEmpty();
	}
}
