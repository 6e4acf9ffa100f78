package io.philia.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.philia.ledger.LedgerAudit;
import io.philia.ledger.PointsLedger;
import io.philia.support.Api;
import io.philia.support.Api.Response;

/**
 * Points spent on rewards and as payment, released, expired, restored, captured, cancelled: over seeded
 * random sequences each member's balance is what a plain model says after every step, and the ledger's
 * audit stays healthy. A failure names its seed; {@code -Dphilia.seed=N} replays from it.
 */
abstract class PointsSpentPropertyContract extends RewardTest {

	@Autowired
	PointsLedger ledger;

	@Autowired
	Checkouts checkouts;

	abstract int sequences();

	@Test
	void pointsSpentReleasedAndRestoredAlwaysAddUp() {
		var shop = newShop();
		shop.api().send("PUT", "/api/v1/checkout-settings",
				"{\"pointsPayment\":{\"points\":100,\"per\":\"1.00\",\"currency\":\"EUR\"}}", Map.of()).expect(200);
		List<String> rewards = new ArrayList<>();
		for (long cost : new long[] { 50, 120, 300 }) {
			rewards.add(create(shop.api(), "/api/v1/rewards", RedemptionsContract.voucher(cost, "")));
		}
		long base = Long.getLong("philia.seed", System.nanoTime());
		for (int i = 0; i < sequences(); i++) {
			long seed = base + i;
			new Sequence(shop.api(), rewards, seed).run();
			LedgerAudit audit = ledger.audit(shop.programId());
			assertThat(audit.healthy()).as("ledger audit %s after seed %d (base %d)", audit, seed, base).isTrue();
		}
	}

	/** One member's random life; the model is their available points. */
	private final class Sequence {

		final Api api;

		final List<String> rewards;

		final long seed;

		final Random random;

		final String customer;

		final String memberId;

		final List<long[]> redemptionCosts = new ArrayList<>();

		final List<String> redemptionIds = new ArrayList<>();

		/** Open checkouts: id, order id, points. */
		final List<Object[]> reserved = new ArrayList<>();

		/** Paid orders that paid with points: order id, points paid, points earned. */
		final List<Object[]> paid = new ArrayList<>();

		long available;

		int orders;

		/** Redemptions asked for, refused ones included: each asks under a key of its own. */
		int redemptionsAsked;

		Sequence(Api api, List<String> rewards, long seed) {
			this.api = api;
			this.rewards = rewards;
			this.seed = seed;
			this.random = new Random(seed);
			this.customer = "P-" + seed;
			this.available = 200 + random.nextInt(600);
			this.memberId = aMemberWithPoints(api, customer, available);
		}

		void run() {
			int steps = 3 + random.nextInt(12);
			for (int step = 0; step < steps; step++) {
				int dice = random.nextInt(100);
				String what;
				if (dice < 15) {
					what = earn();
				}
				else if (dice < 35) {
					what = redeem();
				}
				else if (dice < 45) {
					what = cancelRedemption();
				}
				else if (dice < 65) {
					what = reserve();
				}
				else if (dice < 75) {
					what = release();
				}
				else if (dice < 85) {
					what = pay();
				}
				else if (dice < 92) {
					what = cancelPaidOrder();
				}
				else {
					what = expire();
				}
				assertThat(available(api, memberId)).as("available points after step %d (%s) of seed %d", step, what, seed)
					.isEqualTo(available)
					.isNotNegative();
			}
			while (!reserved.isEmpty()) {
				release();
			}
			assertThat(available(api, memberId)).as("available points at the end of seed %d", seed).isEqualTo(available);
		}

		String earn() {
			long total = 1500L * (1 + random.nextInt(20));
			String order = customer + "-E" + orders++;
			api.event(order, paidOrder(order, total)).expect(201);
			available += total / 1500 * 10;
			return "earn";
		}

		String redeem() {
			int which = random.nextInt(rewards.size());
			long cost = new long[] { 50, 120, 300 }[which];
			String key = customer + "-R" + redemptionsAsked++;
			Response response = RedemptionsContract.redeem(api, memberId, rewards.get(which), key);
			if (cost <= available) {
				response.expect(201);
				available -= cost;
				redemptionIds.add(response.body().get("id").asString());
				redemptionCosts.add(new long[] { cost });
				// A retry of the same redemption spends nothing again.
				RedemptionsContract.redeem(api, memberId, rewards.get(which), key).expect(201);
			}
			else {
				response.expectProblem(422, "insufficient-points");
			}
			return "redeem " + cost;
		}

		String cancelRedemption() {
			if (redemptionIds.isEmpty()) {
				return "no redemption to cancel";
			}
			int i = random.nextInt(redemptionIds.size());
			api.post("/api/v1/redemptions/" + redemptionIds.remove(i) + ":cancel", null).expect(200);
			available += redemptionCosts.remove(i)[0];
			return "cancel redemption";
		}

		String reserve() {
			long points = 100 + random.nextInt((int) Math.max(1, available + 100));
			String order = customer + "-C" + orders++;
			Response response = api.post("/api/v1/checkouts", """
					{"orderId":"%s","customer":{"memberId":"%s"},"points":%d,
					 "cart":{"currency":"EUR","subtotal":"100000.00"}}""".formatted(order, memberId, points),
					"co-" + order);
			if (points <= available) {
				response.expect(201);
				available -= points;
				reserved.add(new Object[] { response.body().get("id").asString(), order, points });
			}
			else {
				response.expectProblem(422, "insufficient-points");
			}
			return "reserve " + points;
		}

		String release() {
			if (reserved.isEmpty()) {
				return "nothing to release";
			}
			Object[] checkout = reserved.remove(random.nextInt(reserved.size()));
			api.post("/api/v1/checkouts/" + checkout[0] + ":release", null).expect(200);
			available += (long) checkout[2];
			return "release " + checkout[2];
		}

		String pay() {
			if (reserved.isEmpty()) {
				return "nothing to pay";
			}
			Object[] checkout = reserved.remove(random.nextInt(reserved.size()));
			long total = 1500L * (1 + random.nextInt(10));
			api.event("paid-" + checkout[1], paidOrder((String) checkout[1], total)).expect(201);
			long earned = total / 1500 * 10;
			available += earned;
			paid.add(new Object[] { checkout[1], checkout[2], earned });
			return "pay " + checkout[1];
		}

		String cancelPaidOrder() {
			if (paid.isEmpty()) {
				return "no paid order";
			}
			Object[] order = paid.remove(random.nextInt(paid.size()));
			api.event("cancel-" + order[0], "{\"type\":\"order.cancelled\",\"order\":{\"id\":\"" + order[0] + "\"}}")
				.expect(201);
			// The clawback takes what is available, then the points paid come back.
			available -= Math.min((long) order[2], available);
			available += (long) order[1];
			return "cancel paid order " + order[0];
		}

		String expire() {
			clock.advance(Duration.ofMinutes(31));
			while (checkouts.releaseExpired(100) > 0) {
				// until none is due
			}
			for (Object[] checkout : reserved) {
				available += (long) checkout[2];
			}
			reserved.clear();
			return "expire";
		}

		String paidOrder(String order, long totalMinor) {
			return """
					{"type":"order.paid","member":{"externalId":"%s"},"order":{"id":"%s","currency":"EUR","total":"%s"}}"""
				.formatted(customer, order, java.math.BigDecimal.valueOf(totalMinor, 2).toPlainString());
		}
	}
}
