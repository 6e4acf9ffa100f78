package io.philia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.philia.platform.web.RawHttp.Reply;
import io.philia.support.HttpTest;
import io.philia.support.HttpTest.Shop;
import tools.jackson.databind.JsonNode;

/**
 * Requests broken below the JSON: a URL, a query string or a form body that does not decode, a path or a
 * header Tomcat refuses itself, a Content-Type that does not parse. Each is a 400-class problem+json with
 * a stable type, never a 500 or Tomcat's HTML page, and writes nothing.
 */
abstract class MalformedRequestsContract extends HttpTest {

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/members?cursor=%%%", "/api/v1/members?externalId=%%%", "/api/v1/members?limit=%zz",
			"/api/v1/members?email=%e9", "/actuator/health?x=%%%" })
	void aQueryStringThatDoesNotDecodeIsA400(String target) throws IOException {
		var shop = newShop();

		Reply reply = get(shop, target);

		assertProblem(reply, 400, "bad-request");
		assertThat(problem(reply).get("detail").asString()).contains("percent-encoding");
	}

	@Test
	void aHistoryCursorThatDoesNotDecodeIsA400() throws IOException {
		var shop = newShop();
		String memberId = shop.api().post("/api/v1/members", "{\"externalId\": \"C-1\"}").expect(201).body()
			.get("id").asString();

		Reply reply = get(shop, "/api/v1/members/" + memberId + "/points/history?cursor=%zz");

		assertProblem(reply, 400, "bad-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/events", "/api/v1/events:batch", "/api/v1/members" })
	void aFormBodyThatDoesNotDecodeIsA400AndWritesNothing(String path) throws IOException {
		var shop = newShop();

		Reply reply = RawHttp.send(port, "POST", path, Map.of("Authorization", "Bearer " + shop.api().key(),
				"Content-Type", "application/x-www-form-urlencoded", "Idempotency-Key", "k"), "a=%%%");

		assertProblem(reply, 400, "bad-request");
		assertNothingWritten(shop);
	}

	@Test
	void aFormPatchThatDoesNotDecodeIsA400ForThePathAskedFor() throws IOException {
		var shop = newShop();
		String memberId = shop.api().post("/api/v1/members", "{\"externalId\": \"C-1\"}").expect(201).body()
			.get("id").asString();

		// Spring's FormContentFilter decodes this body, before any controller.
		Reply reply = RawHttp.send(port, "PATCH", "/api/v1/members/" + memberId, Map.of("Authorization",
				"Bearer " + shop.api().key(), "Content-Type", "application/x-www-form-urlencoded"), "firstName=%%%");

		assertProblem(reply, 400, "bad-request");
		assertThat(problem(reply).get("instance").asString()).isEqualTo("/api/v1/members/" + memberId);
		assertThat(shop.api().get("/api/v1/members/" + memberId).expect(200).body().has("firstName")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/members/%ff", "/api/v1/members/a%2Fb", "/api/v1/members/a%00b",
			"/api/v1/members/%ED%A0%80" })
	void aPathTomcatRefusesIsAProblemNotAnHtmlPage(String target) throws IOException {
		var shop = newShop();

		Reply reply = get(shop, target);

		assertProblem(reply, 400, "bad-request");
		assertNoServerDetails(reply);
	}

	@Test
	void aHeaderOverTheSizeLimitIsAProblemNotAnHtmlPage() throws IOException {
		var shop = newShop();

		Reply reply = RawHttp.send(port, "GET", "/api/v1/members",
				Map.of("Authorization", "Bearer " + shop.api().key(), "X-Padding", "a".repeat(20_000)), null);

		assertProblem(reply, 400, "bad-request");
		assertNoServerDetails(reply);
	}

	@Test
	void aContentTypeThatDoesNotParseIsA415SayingWhy() throws IOException {
		var shop = newShop();

		Reply reply = RawHttp.send(port, "POST", "/api/v1/members", Map.of("Authorization",
				"Bearer " + shop.api().key(), "Content-Type", "application/json;charset=bogus"), "{\"externalId\": \"C-1\"}");

		assertProblem(reply, 415, "unsupported-media-type");
		assertThat(problem(reply).get("detail").asString()).contains("charset 'bogus'").doesNotContain("null");
		assertNothingWritten(shop);
	}

	private Reply get(Shop shop, String target) throws IOException {
		return RawHttp.send(port, "GET", target, Map.of("Authorization", "Bearer " + shop.api().key()), null);
	}

	private JsonNode problem(Reply reply) {
		return json.readTree(reply.body());
	}

	private void assertProblem(Reply reply, int status, String slug) {
		assertThat(reply.status()).as(reply.body()).isEqualTo(status);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		JsonNode problem = problem(reply);
		assertThat(problem.get("type").asString()).isEqualTo("urn:philia:problem:" + slug);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
	}

	private static void assertNoServerDetails(Reply reply) {
		assertThat(reply.body()).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache")
			.doesNotContain("Exception");
	}

	private static void assertNothingWritten(Shop shop) {
		assertThat(shop.api().get("/api/v1/members").expect(200).body().get("items")).isEmpty();
	}
}
