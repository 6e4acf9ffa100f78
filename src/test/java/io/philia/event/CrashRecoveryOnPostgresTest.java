package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.philia.demo.ShopData;
import io.philia.support.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server killed with SIGKILL in the middle of a load run, then started again on the same PostgreSQL
 * database: every event acknowledged before the kill is in the ledger exactly once, and the events that
 * were not acknowledged can be sent again and land exactly once. The server is a real process of its own
 * (production mode, group commit on), on the database of the PostgreSQL test pass.
 */
@Tag("postgres")
class CrashRecoveryOnPostgresTest {

	static final String ADMIN_KEY = "crash-test-admin-key-" + UUID.randomUUID();

	static final int CLIENTS = 16;

	static final int ACKNOWLEDGED_BEFORE_KILL = 300;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String url = System.getenv().getOrDefault("PHILIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/philia_test");

	private final String user = System.getenv().getOrDefault("PHILIA_TEST_PG_USER", "postgres");

	@Test
	void eventsAcknowledgedBeforeAKillAreKeptOnceAndTheOthersCanBeSentAgain() throws Exception {
		List<ShopData.Order> orders = ShopData.generate(7, 400, Instant.now()).orders();
		var server = server().start();
		String programId;
		String key;
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		try {
			programId = call(server, ADMIN_KEY, "/api/v1/admin/programmes",
					"{\"name\":\"Crash " + UUID.randomUUID() + "\",\"timeZone\":\"Europe/Paris\",\"defaultLocale\":\"fr\"}", null)
				.get("id").asString();
			String storeId = call(server, ADMIN_KEY, "/api/v1/admin/programmes/" + programId + "/stores",
					"{\"code\":\"main\",\"name\":\"Main\",\"currency\":\"EUR\",\"earning\":{\"points\":10,\"per\":\"15.00\",\"rounding\":\"steps\"}}", null)
				.get("id").asString();
			key = call(server, ADMIN_KEY, "/api/v1/admin/programmes/" + programId + "/stores/" + storeId + "/api-keys", "{}", null)
				.get("key").asString();

			// Clients send until enough answers are in, then the server is killed under them.
			var enough = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
			var next = new AtomicInteger();
			List<Thread> clients = new ArrayList<>();
			for (int c = 0; c < CLIENTS; c++) {
				String apiKey = key;
				clients.add(Thread.ofVirtual().start(() -> {
					for (int i = next.getAndIncrement(); i < orders.size(); i = next.getAndIncrement()) {
						var order = orders.get(i);
						try {
							call(server, apiKey, "/api/v1/events", paid(order), "p-" + order.id());
							acknowledged.add(order.id());
							enough.countDown();
						}
						catch (Exception cut) {
							return;
						}
					}
				}));
			}
			enough.await();
			server.kill();
			for (Thread client : clients) {
				client.join();
			}
		}
		finally {
			server.close();
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL).hasSizeLessThan(orders.size());

		Map<String, Long> recorded = count(programId,
				"select order_id, count(*) from inbound_event where program_id = ? group by order_id");
		assertThat(recorded).as("acknowledged events recorded after the kill")
			.containsKeys(acknowledged.toArray(String[]::new))
			.allSatisfy((order, events) -> assertThat(events).as(order).isEqualTo(1L));
		assertThat(earningsByOrder(programId)).as("acknowledged earnings in the ledger after the kill")
			.containsKeys(orders.stream().filter(o -> acknowledged.contains(o.id()) && o.totalMinor() >= 1500)
				.map(ShopData.Order::id).toArray(String[]::new))
			.allSatisfy((order, entries) -> assertThat(entries).as(order).isEqualTo(1L));

		try (var restarted = server().start()) {
			for (var order : orders) {
				JsonNode answer = call(restarted, key, "/api/v1/events", paid(order), "p-" + order.id());
				assertThat(answer.at("/order/status").asString()).isEqualTo("paid");
			}
			assertThat(count(programId, "select order_id, count(*) from inbound_event where program_id = ? group by order_id"))
				.hasSize(orders.size())
				.allSatisfy((order, events) -> assertThat(events).as(order).isEqualTo(1L));
			Map<String, Long> entries = earningsByOrder(programId);
			assertThat(entries).hasSize((int) orders.stream().filter(o -> o.totalMinor() >= 1500).count())
				.allSatisfy((order, count) -> assertThat(count).as(order).isEqualTo(1L));
			Map<String, Long> expected = new java.util.HashMap<>();
			orders.forEach(o -> expected.merge(o.customer().externalId(), o.totalMinor() / 1500 * 10, Long::sum));
			for (var member : expected.entrySet()) {
				String id = call(restarted, key, "/api/v1/members?externalId=" + member.getKey(), null, null)
					.at("/items/0/id").asString();
				assertThat(call(restarted, key, "/api/v1/members/" + id + "/points", null, null).get("available").asLong())
					.as(member.getKey())
					.isEqualTo(member.getValue());
			}
		}
	}

	/** Production mode on the test database, with a small pool: the test contexts hold connections too. */
	private AppProcess.Launch server() {
		return AppProcess.Launch.postgres(url, user, ADMIN_KEY).property("spring.datasource.hikari.maximum-pool-size", "8");
	}

	/** Earning journal entries per order of the programme. */
	private Map<String, Long> earningsByOrder(String programId) throws Exception {
		return count(programId,
				"select cause_ref, count(*) from journal_entry where program_id = ? and kind = 'EARN' group by cause_ref");
	}

	/** Counts by key, read from the database directly (the server may be dead). */
	private Map<String, Long> count(String programId, String sql) throws Exception {
		Map<String, Long> entries = new java.util.HashMap<>();
		try (var connection = DriverManager.getConnection(url, user, System.getenv().getOrDefault("PHILIA_TEST_PG_PASSWORD", ""));
				var statement = connection.prepareStatement(sql)) {
			statement.setString(1, programId);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					entries.put(rows.getString(1), rows.getLong(2));
				}
			}
		}
		return entries;
	}

	private JsonNode call(AppProcess server, String apiKey, String path, String body, String idempotencyKey)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", "Bearer " + apiKey)
			.header("Content-Type", "application/json");
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		request.method(body == null ? "GET" : "POST",
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("%s %s", path, response.body()).isBetween(200, 201);
		return json.readTree(response.body());
	}

	private static String paid(ShopData.Order order) {
		return """
				{"type":"order.paid","member":{"externalId":"%s"},"order":{"id":"%s","currency":"EUR","total":"%s"}}"""
			.formatted(order.customer().externalId(), order.id(), java.math.BigDecimal.valueOf(order.totalMinor(), 2).toPlainString());
	}
}
