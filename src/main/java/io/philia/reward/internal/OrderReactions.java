package io.philia.reward.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.philia.event.OrderCancelled;
import io.philia.event.OrderPaid;
import io.philia.event.OrderRefunded;
import io.philia.reward.internal.CheckoutStore.Row;

/**
 * What order events do to checkouts and next-order coupons. Synchronously, inside the event's
 * transaction (like the rules' member listeners): the writes commit or roll back with the event and are
 * exactly-once through the event's idempotency key, without an event publication registry adding
 * transactions to the hot path. An order that concerns nothing here costs one indexed read.
 */
@Component
class OrderReactions {

	private final CheckoutStore checkouts;

	private final Holds holds;

	private final NextOrderCoupons nextOrder;

	private final CouponStore coupons;

	private final Clock clock;

	OrderReactions(CheckoutStore checkouts, Holds holds, NextOrderCoupons nextOrder, CouponStore coupons, Clock clock) {
		this.checkouts = checkouts;
		this.holds = holds;
		this.nextOrder = nextOrder;
		this.coupons = coupons;
		this.clock = clock;
	}

	/** Paid: its reserved checkout is redeemed (or, if its time ran out, released); a next-order coupon. */
	@EventListener
	void paid(OrderPaid paid) {
		Instant now = clock.instant();
		for (String[] hook : checkouts.orderHooks(paid.programId(), paid.storeId(), paid.orderId(), true)) {
			if (hook[0].equals("checkout")) {
				checkout(paid.programId(), paid.storeId(), hook[1]).ifPresent(row -> {
					if (row.status().equals("RESERVED") && !checkouts.redeem(row.id(), now)) {
						holds.release(row, "expired", now);
					}
				});
			}
			else if (paid.memberId() != null) {
				nextOrder.issue(paid.programId(), paid.storeId(), paid.orderId(), paid.memberId(), hook[1], now);
			}
		}
	}

	/** Cancelled: codes and points of its checkout come back; the coupon it earned is withdrawn if unused. */
	@EventListener
	void cancelled(OrderCancelled cancelled) {
		undo(cancelled.programId(), cancelled.storeId(), cancelled.orderId(), "cancelled");
	}

	/** Refunded: the refunded share of the points paid comes back; all of it, codes too, once fully refunded. */
	@EventListener
	void refunded(OrderRefunded refunded) {
		if (refunded.fullyRefunded()) {
			undo(refunded.programId(), refunded.storeId(), refunded.orderId(), "refunded");
			return;
		}
		for (String[] hook : checkouts.orderHooks(refunded.programId(), refunded.storeId(), refunded.orderId(), false)) {
			if (hook[0].equals("checkout")) {
				checkout(refunded.programId(), refunded.storeId(), hook[1])
					.filter(row -> row.status().equals("REDEEMED") && refunded.totalMinor() > 0)
					.ifPresent(row -> holds.restoreShare(row, BigInteger.valueOf(row.points())
						.multiply(BigInteger.valueOf(refunded.refundedMinor()))
						.divide(BigInteger.valueOf(refunded.totalMinor()))
						.longValueExact()));
			}
		}
	}

	private void undo(String programId, String storeId, String orderId, String reason) {
		Instant now = clock.instant();
		for (String[] hook : checkouts.orderHooks(programId, storeId, orderId, false)) {
			if (hook[0].equals("checkout")) {
				checkout(programId, storeId, hook[1]).ifPresent(row -> {
					if (row.status().equals("RESERVED")) {
						holds.release(row, row.expiredAt(now) ? "expired" : reason, now);
					}
					else if (row.status().equals("REDEEMED")) {
						holds.reverse(row, reason, now);
					}
				});
			}
			else {
				coupons.revokeUnused(programId, hook[1]);
			}
		}
	}

	private java.util.Optional<Row> checkout(String programId, String storeId, String id) {
		return checkouts.find(programId, storeId, id);
	}
}
