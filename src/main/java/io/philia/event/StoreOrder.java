package io.philia.event;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.philia.platform.PhiliaException;

/**
 * An order as the ledger cares about it. It guards its own transitions (an order earns once, a refund
 * never exceeds what is left, a cancelled order earns nothing) and says how many points each one moves.
 *
 * <p>A refund takes back the refunded share of what the order earned: after refunds totalling R of an
 * order of total T that earned E points, E × R / T (rounded down) have been taken back, E once fully
 * refunded. The share, rather than re-running the earning on the remaining amount, holds for any
 * earning mechanic, bonuses and multipliers included.
 */
final class StoreOrder {

	private final String orderId;

	private final String memberId;

	private OrderStatus status;

	private final String currency;

	private long totalMinor;

	private long refundedMinor;

	private long earnedPoints;

	private long clawedBackPoints;

	private String earnEntryId;

	private List<OrderLine> lines;

	private Instant fulfilledAt;

	StoreOrder(String orderId, String memberId, OrderStatus status, String currency, long totalMinor,
			long refundedMinor, long earnedPoints, long clawedBackPoints, String earnEntryId, List<OrderLine> lines) {
		this(orderId, memberId, status, currency, totalMinor, refundedMinor, earnedPoints, clawedBackPoints, earnEntryId,
				lines, null);
	}

	StoreOrder(String orderId, String memberId, OrderStatus status, String currency, long totalMinor,
			long refundedMinor, long earnedPoints, long clawedBackPoints, String earnEntryId, List<OrderLine> lines,
			Instant fulfilledAt) {
		this.fulfilledAt = fulfilledAt;
		this.orderId = orderId;
		this.memberId = memberId;
		this.status = status;
		this.currency = currency;
		this.totalMinor = totalMinor;
		this.refundedMinor = refundedMinor;
		this.earnedPoints = earnedPoints;
		this.clawedBackPoints = clawedBackPoints;
		this.earnEntryId = earnEntryId;
		this.lines = List.copyOf(lines);
	}

	static StoreOrder placed(String orderId, String memberId, String currency, long totalMinor, List<OrderLine> lines) {
		return new StoreOrder(orderId, memberId, OrderStatus.PLACED, currency, totalMinor, 0, 0, 0, null, lines);
	}

	static StoreOrder cancelledBeforePayment(String orderId, String memberId) {
		return new StoreOrder(orderId, memberId, OrderStatus.CANCELLED, null, 0, 0, 0, 0, null, List.of());
	}

	/** Payment: the order's final amount and lines (as paid) replace what was placed. */
	void pay(long paidTotalMinor, List<OrderLine> paidLines, long points) {
		if (status != OrderStatus.PLACED) {
			throw new IllegalStateException("order " + orderId + " is " + status.api() + ", not placed");
		}
		this.totalMinor = paidTotalMinor;
		this.lines = List.copyOf(paidLines);
		this.earnedPoints = points;
		this.status = OrderStatus.PAID;
	}

	void earnedBy(String entryId) {
		this.earnEntryId = entryId;
	}

	/** Refunds an amount (or, when null, all that is left); returns the points to take back. */
	long refundAmount(Long amountMinor) {
		requirePaid();
		long remaining = totalMinor - refundedMinor;
		long amount = amountMinor == null ? remaining : amountMinor;
		if (amount > remaining) {
			throw new PhiliaException(EventProblems.REFUND_EXCEEDS_ORDER, "Order " + orderId + " has "
					+ remaining + " (minor units) left to refund; the refund asks for " + amount,
					Map.of("refundableMinor", remaining));
		}
		return refund(amount);
	}

	/** Refunds units of lines by SKU; order-level discounts are shared over the lines pro rata. */
	long refundLines(Map<String, Integer> unitsBySku) {
		requirePaid();
		List<OrderLine> updated = new ArrayList<>(lines);
		long linesAmount = 0;
		for (var refund : unitsBySku.entrySet()) {
			int units = refund.getValue();
			if (lines.stream().noneMatch(l -> l.sku().equals(refund.getKey()))) {
				throw new PhiliaException(EventProblems.ORDER_LINE_UNKNOWN,
						"Order " + orderId + " has no line with SKU " + refund.getKey());
			}
			for (int i = 0; i < updated.size() && units > 0; i++) {
				OrderLine line = updated.get(i);
				if (!line.sku().equals(refund.getKey())) {
					continue;
				}
				int taken = Math.min(units, line.refundable());
				updated.set(i, line.refunded(taken));
				units -= taken;
				linesAmount += taken * line.unitPriceMinor();
			}
			if (units > 0) {
				throw new PhiliaException(EventProblems.REFUND_EXCEEDS_ORDER, "Order " + orderId + " has only "
						+ (refund.getValue() - units) + " unit(s) of " + refund.getKey() + " left to refund");
			}
		}
		long allLines = lines.stream().mapToLong(OrderLine::amountMinor).sum();
		boolean everything = updated.stream().allMatch(l -> l.refundable() == 0);
		long amount = everything ? totalMinor - refundedMinor
				: allLines == 0 ? 0 : Math.min(share(linesAmount, totalMinor, allLines), totalMinor - refundedMinor);
		this.lines = List.copyOf(updated);
		return refund(amount);
	}

	/** The store fulfilled the order (shipped, handed over): a return window may count from now on. */
	void fulfil(Instant at) {
		if (status == OrderStatus.CANCELLED) {
			throw new PhiliaException(EventProblems.ORDER_CANCELLED, "Order " + orderId + " was cancelled");
		}
		if (fulfilledAt != null) {
			throw new IllegalStateException("order " + orderId + " was already fulfilled");
		}
		fulfilledAt = at;
	}

	/** Cancels the order; a paid one gives back every point it still holds. */
	long cancel() {
		if (status == OrderStatus.CANCELLED || status == OrderStatus.REFUNDED) {
			throw new IllegalStateException("order " + orderId + " is already " + status.api());
		}
		long points = status.isPaid() ? earnedPoints - clawedBackPoints : 0;
		clawedBackPoints += points;
		status = OrderStatus.CANCELLED;
		return points;
	}

	private long refund(long amount) {
		refundedMinor += amount;
		long target = refundedMinor == totalMinor ? earnedPoints : share(earnedPoints, refundedMinor, totalMinor);
		long points = target - clawedBackPoints;
		clawedBackPoints = target;
		status = refundedMinor == totalMinor ? OrderStatus.REFUNDED : OrderStatus.PARTIALLY_REFUNDED;
		return points;
	}

	private void requirePaid() {
		if (status == OrderStatus.CANCELLED) {
			throw new PhiliaException(EventProblems.ORDER_CANCELLED, "Order " + orderId + " was cancelled");
		}
		if (status == OrderStatus.REFUNDED) {
			throw new PhiliaException(EventProblems.REFUND_EXCEEDS_ORDER, "Order " + orderId + " is fully refunded",
					Map.of("refundableMinor", 0));
		}
		if (!status.isPaid()) {
			throw new PhiliaException(EventProblems.ORDER_NOT_PAID,
					"Order " + orderId + " has not been paid; cancel it instead");
		}
	}

	/** value × numerator / denominator, rounded down, without overflow. */
	private static long share(long value, long numerator, long denominator) {
		if (denominator == 0) {
			return 0;
		}
		return BigInteger.valueOf(value)
			.multiply(BigInteger.valueOf(numerator))
			.divide(BigInteger.valueOf(denominator))
			.longValueExact();
	}

	String orderId() {
		return orderId;
	}

	String memberId() {
		return memberId;
	}

	OrderStatus status() {
		return status;
	}

	String currency() {
		return currency;
	}

	long totalMinor() {
		return totalMinor;
	}

	long refundedMinor() {
		return refundedMinor;
	}

	long earnedPoints() {
		return earnedPoints;
	}

	long clawedBackPoints() {
		return clawedBackPoints;
	}

	String earnEntryId() {
		return earnEntryId;
	}

	List<OrderLine> lines() {
		return lines;
	}

	Instant fulfilledAt() {
		return fulfilledAt;
	}
}
