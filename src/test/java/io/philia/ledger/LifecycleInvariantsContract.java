package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.philia.event.EventIngestion;
import io.philia.event.EventRequest;
import io.philia.event.EventRequest.MemberData;
import io.philia.event.EventRequest.OrderData;
import io.philia.event.EventRequest.RefundData;
import io.philia.event.EventResult;
import io.philia.ledger.LotsModel.Lot;
import io.philia.ledger.LotsModel.Member;
import io.philia.platform.PhiliaException;
import io.philia.program.StoreContext;

/**
 * The ledger's lifecycle invariants over thousands of seeded random sequences of earnings (pending for a
 * 14-day return window), refunds and cancellations in and after the window, spends, restores, transfers,
 * merges, retries and time passing (releases and expiries, booked by the job or seen by reads before it),
 * under both debt policies: every balance equals the model's, and the audit finds the ledger healthy
 * (entries balanced, balance = sum of open lots, no lot consumed twice, issued = available + pending +
 * spent + expired). A failure names its seed; {@code -Dphilia.seed=N} replays from it.
 */
abstract class LifecycleInvariantsContract extends LifecycleTest {

	static final String SETTINGS = """
			{"returnWindow": {"days": 14}, "expiry": {"policy": "after-earning", "months": 1},
			 "transfers": {"enabled": true}%s}""";

	@Autowired
	EventIngestion events;

	abstract int sequences();

	@Test
	void randomLivesOfMembersKeepTheLotsBalancesAndAccountsEqualToTheModel() {
		var noDebt = shop("Europe/Paris", SETTINGS.formatted(""));
		var withDebt = shop("Europe/Paris", SETTINGS.formatted(", \"debt\": {\"policy\": \"negative-balance\", \"limit\": 100}"));
		long base = Long.getLong("philia.seed", System.nanoTime());
		for (int i = 0; i < sequences(); i++) {
			long seed = base + i;
			var shop = i % 2 == 0 ? noDebt : withDebt;
			new Life(shop, new LotsModel(1, i % 2 == 0 ? 0 : 100), seed).run();
			if (i % 100 == 99) {
				assertHealthy(noDebt, seed);
				assertHealthy(withDebt, seed);
			}
		}
		assertHealthy(noDebt, base);
		assertHealthy(withDebt, base);
	}

	private void assertHealthy(Shop shop, long seed) {
		LedgerAudit audit = ledger.audit(shop.programId());
		assertThat(audit.healthy()).as("ledger audit %s (sequences up to seed %d)", audit, seed).isTrue();
	}

	private final class Life {

		final Shop shop;

		final StoreContext store;

		final LotsModel model;

		final long seed;

		final Random random;

		final List<Member> members;

		final List<Order> orders = new ArrayList<>();

		final List<Spend> spends = new ArrayList<>();

		final List<Object[]> sent = new ArrayList<>();

		int step;

		Life(Shop shop, LotsModel model, long seed) {
			this.shop = shop;
			this.store = new StoreContext(shop.programId(), shop.storeId());
			this.model = model;
			this.seed = seed;
			this.random = new Random(seed);
			this.members = List.of(new Member("A-" + seed), new Member("B-" + seed));
		}

		void run() {
			moveOn(random.nextInt(3));
			int steps = 1 + random.nextInt(14);
			for (step = 0; step < steps; step++) {
				int dice = random.nextInt(100);
				if (dice < 28 || orders.isEmpty()) {
					pay();
				}
				else if (dice < 40) {
					refund();
				}
				else if (dice < 45) {
					cancel();
				}
				else if (dice < 57) {
					spend();
				}
				else if (dice < 65) {
					restore();
				}
				else if (dice < 83) {
					moveOn(random.nextInt(21));
				}
				else if (dice < 91) {
					transfer();
				}
				else if (dice < 93) {
					merge();
				}
				else {
					replay();
				}
				check();
			}
		}

		void pay() {
			Member m = members.get(random.nextInt(2));
			long total = 1500 + random.nextInt(30_000);
			var order = new Order("O-" + seed + "-" + orders.size(), total, m);
			EventResult result = send(new EventRequest("order.paid", null,
					new MemberData(m.customer, null, null, null, null), new OrderData(order.id, "EUR", decimal(total), null),
					null, null));
			Member owner = m.current();
			owner.id = owner.id == null ? result.member().id() : owner.id;
			assertThat(result.member().id()).as("seed %d", seed).isEqualTo(owner.id);
			order.owner = owner;
			order.earned = total / 1500 * 10;
			settleAll();
			order.lot = model.earn(owner, order.earned, result.points().availableAt(), now());
			assertThat(result.points().pending()).as("seed %d, step %d", seed, step).isEqualTo(order.earned);
			orders.add(order);
		}

		void refund() {
			Order order = orders.get(random.nextInt(orders.size()));
			long remaining = order.total - order.refunded;
			boolean whole = random.nextInt(3) == 0;
			long amount = whole ? remaining : 1 + (long) (random.nextDouble() * (remaining + remaining / 5 + 1));
			var event = new EventRequest("order.refunded", null, null, new OrderData(order.id, null, null, null),
					whole ? null : new RefundData(decimal(amount), null, null), null);
			if (order.cancelled || remaining == 0 || amount > remaining) {
				refused(event);
				return;
			}
			order.refunded += amount;
			long target = order.refunded == order.total ? order.earned : order.earned * order.refunded / order.total;
			EventResult result = send(event);
			clawBack(order, target - order.clawedBack, result);
			order.clawedBack = target;
		}

		void cancel() {
			Order order = orders.get(random.nextInt(orders.size()));
			EventResult result = send(new EventRequest("order.cancelled", null, null,
					new OrderData(order.id, null, null, null), null, null));
			if (!order.cancelled && order.refunded < order.total) {
				clawBack(order, order.earned - order.clawedBack, result);
				order.clawedBack = order.earned;
				order.cancelled = true;
			}
		}

		void clawBack(Order order, long points, EventResult result) {
			settleAll();
			if (points == 0) {
				return;
			}
			long[] taken = model.clawBack(order.owner.current(), order.lot, points);
			assertThat(result.points().clawedBack()).as("clawed back, seed %d step %d", seed, step).isEqualTo(taken[0]);
			assertThat(result.points().shortfall()).as("shortfall, seed %d step %d", seed, step)
				.isEqualTo(taken[1] == 0 ? null : taken[1]);
		}

		void spend() {
			Member m = enrolled();
			if (m == null) {
				return;
			}
			settleAll();
			long points = 1 + random.nextInt(400);
			if (m.available < points) {
				assertThatThrownBy(() -> ledger.spend(store.programId(), m.id, points, Cause.redemption("reward", "x")))
					.as("seed %d", seed)
					.isInstanceOf(PhiliaException.class);
				return;
			}
			Movement movement = ledger.spend(store.programId(), m.id, points, Cause.redemption("reward", "r-" + seed));
			spends.add(new Spend(movement.id(), m, points, model.spend(m, points)));
		}

		void restore() {
			if (spends.isEmpty()) {
				return;
			}
			Spend spend = spends.get(random.nextInt(spends.size()));
			long restorable = spend.points - spend.restored;
			long points = 1 + random.nextInt((int) Math.max(1, restorable + 10));
			settleAll();
			if (points > restorable || spend.member.mergedInto != null) {
				if (points > restorable) {
					assertThatThrownBy(() -> ledger.restore(store.programId(), spend.member.id, points,
							Cause.redemption("reward", "x"), spend.entryId))
						.as("seed %d", seed)
						.isInstanceOf(PhiliaException.class);
				}
				return;
			}
			ledger.restore(store.programId(), spend.member.id, points, Cause.redemption("reward", "r"), spend.entryId);
			model.restore(spend.member.current(), spend.taken, spend.restored, points, now());
			spend.restored += points;
		}

		void transfer() {
			// Named by the ids the shop knows, merged or not: an absorbed account's id names its survivor.
			int first = random.nextInt(2);
			Member named = members.get(first);
			Member other = members.get(1 - first);
			if (named.id == null || other.id == null) {
				return;
			}
			Member from = named.current();
			Member to = other.current();
			settleAll();
			long points = 1 + random.nextInt(300);
			if (to == from) {
				assertThatThrownBy(() -> transfers.send(store.programId(), named.id, other.id, points, null, null))
					.as("seed %d: a transfer between two ids of one account", seed)
					.isInstanceOf(PhiliaException.class)
					.hasMessageContaining("one account");
				return;
			}
			if (from.available < points) {
				assertThatThrownBy(() -> transfers.send(store.programId(), named.id, other.id, points, null, null))
					.as("seed %d", seed)
					.isInstanceOf(PhiliaException.class);
				return;
			}
			transfers.send(store.programId(), named.id, other.id, points, "gift", null);
			model.transfer(from, to, points);
		}

		void merge() {
			Member a = members.get(0);
			Member b = members.get(1);
			if (a.id == null || b.id == null || a.mergedInto != null || b.mergedInto != null) {
				return;
			}
			settleAll();
			if (model.merge(a, b)) {
				merges.merge(store.programId(), a.id, b.id, "twins", "seed " + seed);
				orders.stream().filter(o -> o.owner == b).forEach(o -> o.owner = a);
			}
			else {
				assertThatThrownBy(() -> merges.merge(store.programId(), a.id, b.id, null, null)).isInstanceOf(PhiliaException.class);
			}
		}

		void replay() {
			if (sent.isEmpty()) {
				return;
			}
			Object[] earlier = sent.get(random.nextInt(sent.size()));
			assertThat(events.ingest(store, (String) earlier[0], (EventRequest) earlier[1]).replayed()).isTrue();
		}

		/** Time passes: days later, at a time of day that nothing falls due close to; sometimes the job runs. */
		void moveOn(int days) {
			Instant next = LocalDate.ofInstant(now(), LotsModel.ZONE)
				.plusDays(days + 1L)
				.atTime(10 + random.nextInt(6), random.nextInt(60))
				.atZone(LotsModel.ZONE)
				.toInstant();
			while (model.dueNear(members, next)) {
				next = next.plus(Duration.ofMinutes(3));
			}
			clock.setTo(next);
			if (random.nextBoolean()) {
				jobs.settle(store.programId());
			}
		}

		void check() {
			settleAll();
			for (Member m : members) {
				if (m.id == null) {
					continue;
				}
				Balance balance = ledger.balance(store.programId(), m.id);
				assertThat(new long[] { balance.available(), balance.pending() })
					.as("%s available and pending after step %d of seed %d", m.customer, step, seed)
					.containsExactly(m.available, m.pending);
				assertThat(balance.available()).isGreaterThanOrEqualTo(-model.debtLimit);
			}
		}

		void settleAll() {
			members.forEach(m -> model.settle(m, now()));
		}

		Member enrolled() {
			Member m = members.get(random.nextInt(2)).current();
			return m.id == null ? null : m;
		}

		EventResult send(EventRequest event) {
			String key = "k-" + seed + "-" + sent.size();
			var result = events.ingest(store, key, event).result();
			sent.add(new Object[] { key, event });
			return result;
		}

		void refused(EventRequest event) {
			assertThatThrownBy(() -> events.ingest(store, "refused-" + seed + "-" + sent.size(), event))
				.as("seed %d", seed)
				.isInstanceOf(PhiliaException.class);
		}

		Instant now() {
			return Instant.now(clock);
		}

		String decimal(long minor) {
			return java.math.BigDecimal.valueOf(minor, 2).toPlainString();
		}
	}

	@Autowired
	Transfers transfers;

	@Autowired
	AccountMerges merges;

	private static final class Order {

		final String id;

		final long total;

		Member owner;

		Lot lot;

		long earned;

		long refunded;

		long clawedBack;

		boolean cancelled;

		Order(String id, long total, Member owner) {
			this.id = id;
			this.total = total;
			this.owner = owner;
		}
	}

	private static final class Spend {

		final String entryId;

		final Member member;

		final long points;

		final List<Map.Entry<Lot, Long>> taken;

		long restored;

		Spend(String entryId, Member member, long points, List<Map.Entry<Lot, Long>> taken) {
			this.entryId = entryId;
			this.member = member;
			this.points = points;
			this.taken = taken;
		}
	}
}
