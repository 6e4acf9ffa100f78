package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.philia.platform.PhiliaException;

class StoreOrderTest {

	static StoreOrder aPaidOrder(long totalMinor, long points, List<OrderLine> lines) {
		var order = StoreOrder.placed("1001", "m", "EUR", totalMinor, lines);
		order.pay(totalMinor, lines, points);
		return order;
	}

	@Test
	void refundingOneOfTwoBottlesTakesBackHalfThePoints() {
		var order = aPaidOrder(27_400, 180, List.of(new OrderLine("W-1", "wine", null, 2, 13_700, 0)));

		assertThat(order.refundLines(Map.of("W-1", 1))).isEqualTo(90);
		assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		assertThat(order.refundLines(Map.of("W-1", 1))).isEqualTo(90);
		assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
	}

	@Test
	void anOrderLevelDiscountIsSharedOverTheRefundedLines() {
		// Lines worth 200.00, paid 180.00 after a 10% coupon: the 100.00 line was really paid 90.00.
		var order = aPaidOrder(18_000, 120, List.of(new OrderLine("A", null, null, 1, 10_000, 0),
				new OrderLine("B", null, null, 1, 10_000, 0)));

		assertThat(order.refundLines(Map.of("A", 1))).isEqualTo(60);
		assertThat(order.refundedMinor()).isEqualTo(9_000);
	}

	@Test
	void aRefundOfMoreUnitsThanBoughtOrOfAnUnknownSkuIsRefused() {
		var order = aPaidOrder(27_400, 180, List.of(new OrderLine("W-1", "wine", null, 2, 13_700, 0)));

		assertThatThrownBy(() -> order.refundLines(Map.of("W-1", 3))).isInstanceOf(PhiliaException.class)
			.hasMessageContaining("only 2 unit(s)");
		assertThatThrownBy(() -> order.refundLines(Map.of("W-9", 1))).isInstanceOf(PhiliaException.class)
			.hasMessageContaining("no line with SKU W-9");
		assertThat(order.refundedMinor()).isZero();
	}

	@Test
	void aPlacedOrderCannotBeRefundedAndACancelledOneCannotBePaid() {
		var placed = StoreOrder.placed("1", "m", "EUR", 1000, List.of());
		assertThatThrownBy(() -> placed.refundAmount(100L)).isInstanceOf(PhiliaException.class)
			.hasMessageContaining("has not been paid");

		assertThat(placed.cancel()).isZero();
		assertThatThrownBy(() -> placed.pay(1000, List.of(), 10)).isInstanceOf(IllegalStateException.class);
	}

	/**
	 * Whatever the refunds, an order never gives back more than it earned, never gives back twice, and a
	 * full refund gives back exactly what it earned.
	 */
	@Test
	void refundsNeverTakeBackMoreThanTheOrderEarned() {
		long base = Long.getLong("philia.seed", System.nanoTime());
		for (int i = 0; i < 10_000; i++) {
			long seed = base + i;
			var random = new Random(seed);
			long total = 1 + random.nextInt(100_000);
			long earned = random.nextInt(2_000);
			var order = aPaidOrder(total, earned, List.of());
			long takenBack = 0;
			while (order.status() != OrderStatus.REFUNDED) {
				long remaining = total - order.refundedMinor();
				long amount = random.nextInt(5) == 0 ? remaining : 1 + (long) (random.nextDouble() * remaining);
				takenBack += order.refundAmount(Math.min(amount, remaining));
				assertThat(takenBack).as("seed %d", seed).isBetween(0L, earned);
				assertThat(order.clawedBackPoints()).as("seed %d", seed).isEqualTo(takenBack);
			}
			assertThat(takenBack).as("seed %d", seed).isEqualTo(earned);
		}
	}
}
