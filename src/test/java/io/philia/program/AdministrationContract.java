package io.philia.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** Opening programmes, stores and keys through the administration API. */
abstract class AdministrationContract extends HttpTest {

	@Test
	void anIssuedKeyWorksUntilItIsRevoked() {
		var shop = newShop();
		JsonNode keys = admin.get("/api/v1/admin/programmes/" + shop.programId() + "/stores/" + shop.storeId() + "/api-keys")
			.expect(200)
			.body();
		String keyId = keys.at("/0/id").asString();
		assertThat(keys.at("/0/prefix").asString()).startsWith("phk_");
		assertThat(keys.at("/0").has("key")).isFalse();
		shop.api().get("/api/v1/members").expect(200);

		admin.delete("/api/v1/admin/programmes/" + shop.programId() + "/api-keys/" + keyId).expect(204);

		shop.api().get("/api/v1/members").expectProblem(401, "unauthenticated");
	}

	@Test
	void aStoreShowsItsEarningRateAsItWasSent() {
		var shop = newShop("{\"points\": 10, \"per\": \"15.00\", \"rounding\": \"proportional\"}");

		JsonNode store = admin.get("/api/v1/admin/programmes/" + shop.programId() + "/stores/" + shop.storeId())
			.expect(200)
			.body();

		assertThat(store.at("/earning/points").asLong()).isEqualTo(10);
		assertThat(store.at("/earning/per").asString()).isEqualTo("15.00");
		assertThat(store.at("/earning/rounding").asString()).isEqualTo("proportional");
		assertThat(store.get("currency").asString()).isEqualTo("EUR");
	}

	@Test
	void aChangedEarningRateAppliesToTheNextOrders() {
		var shop = newShop();
		admin.send("PUT", "/api/v1/admin/programmes/" + shop.programId() + "/stores/" + shop.storeId() + "/earning",
				"{\"points\": 1, \"per\": \"1.00\"}", java.util.Map.of()).expect(200);

		JsonNode paid = shop.api().event("paid", """
				{"type":"order.paid","member":{"externalId":"C-1"},"order":{"id":"1","currency":"EUR","total":"42.50"}}""")
			.expect(201)
			.body();

		assertThat(paid.at("/points/earned").asLong()).isEqualTo(42);
	}

	@Test
	void invalidProgrammesAndStoresAreRefusedWithTheFieldsAtFault() {
		JsonNode programme = admin.post("/api/v1/admin/programmes",
				"{\"name\": \"\", \"timeZone\": \"Mars/Olympus\", \"defaultLocale\": \"de\"}")
			.expectProblem(400, "validation")
			.body();
		assertThat(programme.get("errors").valueStream().map(e -> e.get("field").asString())).contains("name",
				"timeZone", "defaultLocale");

		var shop = newShop();
		JsonNode store = admin.post("/api/v1/admin/programmes/" + shop.programId() + "/stores",
				"{\"code\": \"Main Shop\", \"name\": \"x\", \"currency\": \"EURO\"}")
			.expectProblem(400, "validation")
			.body();
		assertThat(store.get("errors").valueStream().map(e -> e.get("field").asString())).contains("code", "currency");
		admin.post("/api/v1/admin/programmes/" + shop.programId() + "/stores",
				"{\"code\": \"main\", \"name\": \"again\", \"currency\": \"EUR\", \"earning\": {\"points\": 1, \"per\": \"1.00\"}}")
			.expectProblem(409, "store-code-taken");
		admin.post("/api/v1/admin/programmes/" + shop.programId() + "/stores",
				"{\"code\": \"b\", \"name\": \"b\", \"currency\": \"EUR\", \"earning\": {\"points\": -1, \"per\": \"0\"}}")
			.expectProblem(400, "validation");
		admin.get("/api/v1/admin/programmes/00000000-0000-7000-8000-000000000000").expectProblem(404, "programme-not-found");
	}

	@Test
	void theAdministrationApiNeedsTheAdminKey() {
		admin.withKey(null).get("/api/v1/admin/programmes").expectProblem(401, "admin-key-required");
		admin.withKey("guess").post("/api/v1/admin/programmes", "{\"name\": \"x\", \"timeZone\": \"UTC\"}")
			.expectProblem(401, "admin-key-required");
	}

	@Test
	void healthOpenApiAndMetricsAreServed() {
		var anonymous = admin.withKey(null);

		assertThat(anonymous.get("/actuator/health").expect(200).body().get("status").asString()).isEqualTo("UP");
		JsonNode openApi = anonymous.get("/v3/api-docs").expect(200).body();
		assertThat(openApi.at("/paths").has("/api/v1/events")).isTrue();
		assertThat(openApi.at("/paths").has("/api/v1/members/{memberId}/points")).isTrue();
		assertThat(anonymous.get("/actuator/prometheus").expect(200).raw().body()).contains("jvm_memory_used_bytes");
		assertThat(anonymous.get("/swagger-ui/index.html").expect(200).raw().body()).contains("swagger-ui");
	}
}
