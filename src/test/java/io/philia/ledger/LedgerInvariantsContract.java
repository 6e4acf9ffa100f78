package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.event.EventIngestion;
import io.philia.event.EventRequest;
import io.philia.event.EventRequest.MemberData;
import io.philia.event.EventRequest.OrderData;
import io.philia.event.EventRequest.RefundData;
import io.philia.platform.PhiliaException;
import io.philia.program.StoreContext;
import io.philia.support.HttpTest;

/**
 * The ledger's invariants over thousands of seeded random sequences of earnings, refunds, cancellations,
 * adjustments and retries: every entry sums to zero, every balance equals the sum of its postings, no
 * available balance is ever negative, and each member's balance is what a plain model of the rules says.
 * A failure names the seed of its sequence; {@code -Dphilia.seed=N} replays from that seed.
 */
abstract class LedgerInvariantsContract extends HttpTest {

	@Autowired
	EventIngestion events;

	@Autowired
	PointsLedger ledger;

	@Autowired
	JdbcClient jdbc;

	/** How many sequences this database gets through in reasonable time. */
	abstract int sequences();

	@Test
	void randomSequencesKeepTheLedgerBalancedAndEqualToTheModel() {
		var shop = newShop();
		var store = new StoreContext(shop.programId(), shop.storeId());
		long base = Long.getLong("philia.seed", System.nanoTime());
		for (int i = 0; i < sequences(); i++) {
			long seed = base + i;
			new Sequence(store, seed).run();
			if (i % 200 == 199) {
				assertHealthy(shop.programId(), seed);
			}
		}
		assertHealthy(shop.programId(), base);
	}

	/**
	 * The audit the sequences rely on can fail: rows changed behind the ledger's back (as a bug or a hand
	 * edit would) are named, in their programme only.
	 */
	@Test
	void theAuditNamesTheRowsThatBreakAnInvariant() {
		var shop = newShop();
		var store = new StoreContext(shop.programId(), shop.storeId());
		String anne = earn(store, "A-1");
		String bruno = earn(store, "B-1");
		var other = newShop();
		earn(new StoreContext(other.programId(), other.storeId()), "A-1");
		assertThat(ledger.audit(shop.programId()).healthy()).isTrue();

		// A posting slipped into Anne's earning: the entry no longer sums to zero, nor her balance to her postings.
		String entry = jdbc.sql("select id from journal_entry where program_id = ? and member_id = ?")
			.params(shop.programId(), anne)
			.query(String.class)
			.single();
		jdbc.sql("""
				insert into posting (entry_id, line, program_id, account, member_id, amount)
				values (?, 9, ?, 'MEMBER_AVAILABLE', ?, 5)""").params(entry, shop.programId(), anne).update();
		// Points given to Bruno without an entry: his balance is neither his postings, nor his lots, nor what was issued.
		jdbc.sql("update member_balance set available = available + 7 where program_id = ? and member_id = ?")
			.params(shop.programId(), bruno)
			.update();

		LedgerAudit audit = ledger.audit(shop.programId());
		assertThat(audit.healthy()).isFalse();
		assertThat(audit.unbalancedEntries()).containsExactly(entry);
		assertThat(audit.balanceMismatches()).containsExactlyInAnyOrder(anne, bruno);
		assertThat(audit.lotMismatches()).containsExactly(bruno);
		assertThat(audit.unaccountedMembers()).containsExactly(bruno);
		assertThat(audit.negativeBalances()).isEmpty();
		assertThat(audit.overconsumedLots()).isEmpty();
		assertThat(ledger.audit(other.programId()).healthy()).as("the other programme's audit").isTrue();
	}

	/** An order.paid of 61.50 EUR for the customer; the member's id. */
	private String earn(StoreContext store, String customer) {
		var result = events.ingest(store, "audit-" + customer, new EventRequest("order.paid", null,
				new MemberData(customer, null, null, null, null), new OrderData("O-" + customer, "EUR", "61.50", null),
				null, null));
		assertThat(result.result().points().earned()).isEqualTo(40);
		return result.result().member().id();
	}

	private void assertHealthy(String programId, long seed) {
		LedgerAudit audit = ledger.audit(programId);
		assertThat(audit.healthy()).as("ledger audit %s (sequences up to seed %d)", audit, seed).isTrue();
	}

	/** One member's random life; the model is the plain arithmetic of the rules, order by order. */
	private final class Sequence {

		final StoreContext store;

		final long seed;

		final Random random;

		final String customer;

		final List<ModelOrder> orders = new ArrayList<>();

		final List<Object[]> sent = new ArrayList<>();

		long available;

		String memberId;

		Sequence(StoreContext store, long seed) {
			this.store = store;
			this.seed = seed;
			this.random = new Random(seed);
			this.customer = "S-" + seed;
		}

		void run() {
			int steps = 1 + random.nextInt(12);
			for (int step = 0; step < steps; step++) {
				int dice = random.nextInt(100);
				if (dice < 40 || orders.isEmpty()) {
					pay();
				}
				else if (dice < 65) {
					refund();
				}
				else if (dice < 75) {
					cancel();
				}
				else if (dice < 90) {
					adjust();
				}
				else {
					replay();
				}
				if (memberId != null) {
					assertThat(ledger.balance(store.programId(), memberId).available())
						.as("available points after step %d of seed %d", step, seed)
						.isEqualTo(available)
						.isNotNegative();
				}
			}
		}

		void pay() {
			long total = random.nextInt(50_000);
			var order = new ModelOrder("O-" + seed + "-" + orders.size(), total);
			orders.add(order);
			order.earned = total / 1500 * 10;
			available += order.earned;
			send(new EventRequest("order.paid", null, new MemberData(customer, null, null, null, null),
					new OrderData(order.id, "EUR", decimal(total), null), null, null));
		}

		void refund() {
			ModelOrder order = orders.get(random.nextInt(orders.size()));
			long remaining = order.total - order.refunded;
			boolean whole = random.nextInt(4) == 0;
			long amount = whole ? remaining : 1 + (long) (random.nextDouble() * (remaining + remaining / 5 + 1));
			var event = new EventRequest("order.refunded", null, null, new OrderData(order.id, null, null, null),
					whole ? null : new RefundData(decimal(amount), null, null), null);
			// As the order does: a refunded or cancelled order takes no refund; a whole refund of an order of
			// 0.00 is still its one refund.
			if (order.cancelled || order.fullyRefunded || !whole && amount > remaining) {
				refused(event);
				return;
			}
			order.refunded += amount;
			order.fullyRefunded = order.refunded == order.total;
			long target = order.refunded == order.total ? order.earned : order.earned * order.refunded / order.total;
			takeBack(target - order.clawedBack);
			order.clawedBack = target;
			send(event);
		}

		void cancel() {
			ModelOrder order = orders.get(random.nextInt(orders.size()));
			var event = new EventRequest("order.cancelled", null, null, new OrderData(order.id, null, null, null), null,
					null);
			if (!order.cancelled && !order.fullyRefunded) {
				takeBack(order.earned - order.clawedBack);
				order.clawedBack = order.earned;
				order.cancelled = true;
			}
			send(event);
		}

		void adjust() {
			if (memberId == null) {
				pay();
				return;
			}
			long points = random.nextInt(400) - 250;
			if (points == 0) {
				return;
			}
			if (available + points < 0) {
				assertThatThrownBy(() -> ledger.adjust(store.programId(), memberId, points, "test", "seed " + seed))
					.isInstanceOf(PhiliaException.class);
				return;
			}
			ledger.adjust(store.programId(), memberId, points, "test", "seed " + seed);
			available += points;
		}

		void replay() {
			if (sent.isEmpty()) {
				return;
			}
			Object[] earlier = sent.get(random.nextInt(sent.size()));
			var again = events.ingest(store, (String) earlier[0], (EventRequest) earlier[1]);
			assertThat(again.replayed()).as("replay of %s, seed %d", earlier[0], seed).isTrue();
		}

		void takeBack(long points) {
			available -= Math.min(points, available);
		}

		void send(EventRequest event) {
			String key = "k-" + seed + "-" + sent.size();
			var result = events.ingest(store, key, event);
			memberId = result.result().member().id();
			sent.add(new Object[] { key, event });
		}

		void refused(EventRequest event) {
			// Caught first, so that a failure names the seed (an assertThatThrownBy fails before its description).
			Throwable thrown = catchThrowable(() -> events.ingest(store, "refused-" + seed + "-" + sent.size(), event));
			assertThat(thrown).as("refusal of %s, seed %d", event.type(), seed).isInstanceOf(PhiliaException.class);
		}

		String decimal(long minor) {
			return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
		}
	}

	private static final class ModelOrder {

		final String id;

		final long total;

		long earned;

		long refunded;

		long clawedBack;

		boolean cancelled;

		boolean fullyRefunded;

		ModelOrder(String id, long total) {
			this.id = id;
			this.total = total;
		}
	}
}
