package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.philia.event.EventRequest.MemberData;
import io.philia.event.EventRequest.OrderData;
import io.philia.event.EventRequest.RefundData;
import io.philia.ledger.PointsLedger;
import io.philia.platform.PhiliaException;
import io.philia.program.StoreContext;
import io.philia.support.HttpTest;

/**
 * Many threads send the events of many orders of a few members at once, with retries of the same keys.
 * Afterwards the ledger's invariants hold and every member's balance is what their orders say, whichever
 * path commits the events (group commit, or one transaction per event: the reference).
 */
abstract class ConcurrentLoadContract extends HttpTest {

	@Autowired
	EventIngestion events;

	@Autowired
	PointsLedger ledger;

	@Test
	void concurrentEventsWithRetriesLeaveEveryBalanceAsItsOrdersSay() throws Exception {
		var shop = newShop();
		var store = new StoreContext(shop.programId(), shop.storeId());
		long seed = Long.getLong("philia.seed", System.nanoTime());
		Map<String, AtomicLong> expected = new ConcurrentHashMap<>();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<?>> work = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			int thread = t;
			work.add(threads.submit(() -> sendOrders(store, new Random(seed + thread), thread, expected)));
		}
		for (Future<?> f : work) {
			f.get();
		}
		threads.shutdown();

		assertThat(ledger.audit(shop.programId()).healthy()).as("audit, seed %d", seed).isTrue();
		for (var member : expected.entrySet()) {
			String memberId = shop.api().get("/api/v1/members?externalId=" + member.getKey()).body().at("/items/0/id")
				.asString();
			assertThat(ledger.balance(shop.programId(), memberId).available()).as("%s, seed %d", member.getKey(), seed)
				.isEqualTo(member.getValue().get());
		}
	}

	/** 25 orders per thread, each paid then perhaps refunded or cancelled, some events sent twice. */
	private void sendOrders(StoreContext store, Random random, int thread, Map<String, AtomicLong> expected) {
		for (int i = 0; i < 25; i++) {
			String customer = "C-" + random.nextInt(6);
			String orderId = "O-" + thread + "-" + i;
			long total = 1_500 + random.nextInt(30_000);
			long earned = total / 1500 * 10;
			send(store, random, orderId + "-paid", new EventRequest("order.paid", null,
					new MemberData(customer, null, null, null, null), new OrderData(orderId, "EUR",
							java.math.BigDecimal.valueOf(total, 2).toPlainString(), null), null, null));
			long kept = earned;
			int fate = random.nextInt(3);
			if (fate == 1) {
				long refunded = 1 + random.nextInt((int) total);
				kept = refunded == total ? 0 : earned - earned * refunded / total;
				send(store, random, orderId + "-refund", new EventRequest("order.refunded", null, null,
						new OrderData(orderId, null, null, null),
						new RefundData(java.math.BigDecimal.valueOf(refunded, 2).toPlainString(), null, null), null));
			}
			else if (fate == 2) {
				kept = 0;
				send(store, random, orderId + "-cancel", new EventRequest("order.cancelled", null, null,
						new OrderData(orderId, null, null, null), null, null));
			}
			expected.computeIfAbsent(customer, c -> new AtomicLong()).addAndGet(kept);
		}
	}

	private void send(StoreContext store, Random random, String key, EventRequest event) {
		int times = random.nextInt(4) == 0 ? 2 : 1;
		for (int i = 0; i < times; i++) {
			try {
				events.ingest(store, key, event);
			}
			catch (PhiliaException e) {
				throw new AssertionError(key + " was refused: " + e.getMessage(), e);
			}
		}
	}
}
