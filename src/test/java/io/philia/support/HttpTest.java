package io.philia.support;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests through HTTP: the whole application on a random port, and a client. Each
 * test opens its own programme (the tenant), so tests never see each other's data and need no clean-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTest {

	public static final String ADMIN_KEY = "test-admin-key";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JsonMapper json;

	protected Api admin;

	@BeforeEach
	void openAdminClient() {
		admin = new Api(port, ADMIN_KEY, json);
	}

	/** A new programme with one EUR store earning 10 points per 15.00 in steps; the client uses its key. */
	protected Shop newShop() {
		return newShop("{\"points\": 10, \"per\": \"15.00\", \"rounding\": \"steps\"}");
	}

	protected Shop newShop(String earning) {
		JsonNode programme = admin.post("/api/v1/admin/programmes",
				"{\"name\": \"Shop " + UUID.randomUUID() + "\", \"timeZone\": \"Europe/Paris\", \"defaultLocale\": \"fr\"}")
			.expect(201)
			.body();
		String programId = programme.get("id").asString();
		JsonNode store = admin.post("/api/v1/admin/programmes/" + programId + "/stores",
				"{\"code\": \"main\", \"name\": \"Main\", \"currency\": \"EUR\", \"earning\": " + earning + "}")
			.expect(201)
			.body();
		String storeId = store.get("id").asString();
		String key = admin.post("/api/v1/admin/programmes/" + programId + "/stores/" + storeId + "/api-keys", "{}")
			.expect(201)
			.body()
			.get("key")
			.asString();
		return new Shop(programId, storeId, new Api(port, key, json));
	}

	/** A programme, its store, and a client holding the store's API key. */
	public record Shop(String programId, String storeId, Api api) {
	}
}
