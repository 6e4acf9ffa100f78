package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.demo.ShopData;
import io.philia.ledger.PointsLedger;
import io.philia.support.Api;
import io.philia.support.Api.Response;
import io.philia.support.HttpTest;

/**
 * A load run over HTTP, as shops send: the seeded shop data's orders paid, some refunded or cancelled,
 * from many threads, with random retries of the same keys (again at once, again later, inside batches).
 * Afterwards every event is recorded exactly once, the ledger's invariants hold, and every member's
 * balance equals what their orders say.
 */
abstract class LoadOverHttpContract extends HttpTest {

	static final int THREADS = 12;

	@Autowired
	PointsLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLoadRunWithRetriesOverHttpLeavesEveryBalanceAsTheEventsSay() throws Exception {
		var shop = newShop();
		long seed = Long.getLong("philia.seed", System.nanoTime());
		List<ShopData.Order> orders = ShopData.generate(seed, 120, Instant.now()).orders();
		Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
		Map<String, Boolean> keys = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			work.add(threads.submit(() -> new Client(shop.api(), new Random(seed + thread), expected, keys)
				.send(IntStream.range(0, orders.size()).filter(i -> i % THREADS == thread).mapToObj(orders::get).toList())));
		}
		for (Future<?> f : work) {
			f.get();
		}
		threads.shutdown();

		assertThat(ledger.audit(shop.programId()).healthy()).as("audit, seed %d", seed).isTrue();
		assertThat(jdbc.sql("select count(*) from inbound_event where program_id = ?").param(shop.programId())
			.query(Long.class).single()).as("events recorded once, seed %d", seed).isEqualTo(keys.size());
		for (var member : expected.entrySet()) {
			String id = shop.api().get("/api/v1/members?externalId=" + member.getKey()).body().at("/items/0/id").asString();
			assertThat(shop.api().get("/api/v1/members/" + id + "/points").points("available"))
				.as("%s, seed %d", member.getKey(), seed)
				.isEqualTo(member.getValue().get());
		}
	}

	/** One shop integration: its orders in turn, each event perhaps sent again. */
	private record Client(Api api, Random random, Map<String, AtomicLong> expected, Map<String, Boolean> keys) {

		void send(List<ShopData.Order> orders) {
			List<String> batch = new ArrayList<>();
			for (ShopData.Order order : orders) {
				long earned = order.totalMinor() / 1500 * 10;
				String paid = paid(order);
				if (random.nextInt(5) == 0) {
					// Through a batch, then the same key once more on its own: a replay.
					batch.add("{\"idempotencyKey\":\"p-" + order.id() + "\",\"event\":" + paid + "}");
					var answer = api.post("/api/v1/events:batch", "{\"events\":[" + String.join(",", batch) + "]}")
						.expect(200)
						.body();
					assertThat(answer.get("refused").asInt()).as(answer.toString()).isZero();
					batch.clear();
					once("p-" + order.id(), paid);
				}
				else {
					withRetries("p-" + order.id(), paid);
				}
				long kept = earned;
				switch (random.nextInt(4)) {
					case 1 -> {
						long refunded = 1 + random.nextLong(order.totalMinor());
						kept = refunded == order.totalMinor() ? 0 : earned - earned * refunded / order.totalMinor();
						withRetries("r-" + order.id(), """
								{"type":"order.refunded","order":{"id":"%s"},"refund":{"amount":"%s"}}"""
							.formatted(order.id(), BigDecimal.valueOf(refunded, 2).toPlainString()));
					}
					case 2 -> {
						kept = 0;
						withRetries("c-" + order.id(), "{\"type\":\"order.cancelled\",\"order\":{\"id\":\"" + order.id() + "\"}}");
					}
					default -> {
					}
				}
				expected.computeIfAbsent(order.customer().externalId(), c -> new AtomicLong()).addAndGet(kept);
			}
		}

		/** Sent once, again straight after, or twice at the same moment; every answer is the same event's. */
		private void withRetries(String key, String body) {
			switch (random.nextInt(4)) {
				case 0 -> {
					once(key, body);
					once(key, body);
				}
				case 1 -> {
					var duplicate = Thread.ofVirtual().start(() -> {
						Response r = api.event(key, body);
						assertThat(r.status()).as(r.raw().body()).isIn(201, 409);
					});
					once(key, body);
					join(duplicate);
				}
				default -> once(key, body);
			}
		}

		/** Until answered 201: "still in progress" (409) is what a concurrent duplicate may see first. */
		private void once(String key, String body) {
			keys.put(key, true);
			for (int attempt = 1;; attempt++) {
				Response r = api.event(key, body);
				if (r.status() == 201 || attempt == 50) {
					r.expect(201);
					return;
				}
				assertThat(r.status()).as(r.raw().body()).isEqualTo(409);
				join(Thread.ofVirtual().start(() -> sleep(20)));
			}
		}

		private static String paid(ShopData.Order order) {
			var lines = new ArrayList<String>();
			for (var line : order.lines()) {
				lines.add("{\"sku\":\"%s\",\"category\":\"%s\",\"quantity\":%d,\"unitPrice\":\"%s\"}".formatted(line.sku(),
						line.category(), line.quantity(), BigDecimal.valueOf(line.unitPriceMinor(), 2).toPlainString()));
			}
			return """
					{"type":"order.paid","member":{"externalId":"%s","email":"%s"},
					 "order":{"id":"%s","currency":"EUR","total":"%s","lines":[%s]}}""".formatted(
					order.customer().externalId(), order.customer().email(), order.id(),
					BigDecimal.valueOf(order.totalMinor(), 2).toPlainString(), String.join(",", lines));
		}

		private static void join(Thread thread) {
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		private static void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
