package io.philia.reward;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;

import io.philia.ledger.Cause;
import io.philia.ledger.PointsLedger;
import io.philia.member.Member;
import io.philia.platform.Idempotency;
import io.philia.platform.PhiliaException;
import io.philia.platform.Transactions;
import io.philia.platform.Violations;
import io.philia.program.StoreContext;
import io.philia.reward.internal.CheckoutStore;
import io.philia.reward.internal.CheckoutStore.CodeHold;
import io.philia.reward.internal.CheckoutStore.Row;
import io.philia.reward.internal.Holds;
import io.philia.reward.internal.MemberTexts;
import io.philia.reward.internal.Pricing;
import io.philia.reward.internal.Pricing.Priced;
import io.philia.reward.internal.Shoppers;

/**
 * The shop's checkout: validate a cart (what it gets, or exactly why not), reserve its codes and points
 * for the order, redeem them when the order is paid (by the shop, or by the order.paid event), release
 * them (by the shop, the order's cancellation, or when the reservation's time runs out).
 */
@Service
public class Checkouts {

	private final Pricing pricing;

	private final Holds holds;

	private final CheckoutStore store;

	private final Shoppers shoppers;

	private final MemberTexts texts;

	private final PointsLedger ledger;

	private final Idempotency idempotency;

	private final Transactions transactions;

	private final RewardSettings settings;

	private final Clock clock;

	Checkouts(Pricing pricing, Holds holds, CheckoutStore store, Shoppers shoppers, MemberTexts texts,
			PointsLedger ledger, Idempotency idempotency, Transactions transactions, RewardSettings settings,
			Clock clock) {
		this.pricing = pricing;
		this.holds = holds;
		this.store = store;
		this.shoppers = shoppers;
		this.texts = texts;
		this.ledger = ledger;
		this.idempotency = idempotency;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	/** What the cart would get; nothing is reserved. */
	public CheckoutOutcome validate(StoreContext caller, CheckoutRequest request) {
		Member member = shoppers.member(caller.programId(), request.customer());
		String locale = texts.locale(caller.programId(), request.locale(), member);
		return pricing.price(caller, request, member, locale, clock.instant()).outcome();
	}

	/**
	 * Reserves the codes and points for the order until the reservation's timeout. A second checkout for
	 * the same order replaces the first (its codes and points are given back); one for an order already
	 * paid through a checkout is refused.
	 */
	public Idempotency.Outcome<Checkout> reserve(StoreContext caller, String key, CheckoutRequest request) {
		Idempotency.checkKey(key);
		var v = new Violations();
		v.requireText("orderId", request.orderId(), 200);
		v.throwIfAny();
		return idempotency.once(caller.programId(), "checkout:" + caller.storeId(), key, request, Checkout.class,
				() -> reserveNow(caller, request));
	}

	private Checkout reserveNow(StoreContext caller, CheckoutRequest request) {
		String programId = caller.programId();
		Member member = shoppers.member(programId, request.customer());
		String locale = texts.locale(programId, request.locale(), member);
		Instant now = clock.instant();
		Priced priced = pricing.price(caller, request, member, locale, now);
		store.open(programId, caller.storeId(), request.orderId()).ifPresent(open -> {
			if (open.status().equals("REDEEMED")) {
				throw new PhiliaException(RewardProblems.ORDER_ALREADY_CHECKED_OUT,
						"Order " + request.orderId() + " was paid through checkout " + open.id());
			}
			holds.release(open, open.expiredAt(now) ? "expired" : "replaced", now);
		});
		holds.take(programId, priced.codes(), member, locale, now);
		String spend = null;
		if (priced.points() > 0) {
			spend = ledger.spend(programId, member.id(), priced.points(),
					Cause.redemption("points-payment", request.orderId())).id();
		}
		String id = io.philia.platform.Ids.next(clock);
		var row = new Row(id, programId, caller.storeId(), request.orderId(), member == null ? null : member.id(),
				"RESERVED", request.cart(), priced.outcome(), priced.points(), 0, spend, now,
				now.plus(settings.reservationTimeout()), null, null);
		store.insert(row, priced.codes()
			.stream()
			.map(c -> new CodeHold(c.coupon().code(), c.coupon().campaign().id()))
			.toList());
		return view(row, now);
	}

	/**
	 * The order was paid: what the checkout reserved is used for good. Again on a redeemed one: the same
	 * answer. A reservation whose time ran out is released (committed) and refused.
	 */
	public Checkout redeem(StoreContext caller, String checkoutId) {
		Instant now = clock.instant();
		Row after = transactions.inTransaction(() -> {
			Row row = row(caller, checkoutId);
			if (row.status().equals("RESERVED") && !store.redeem(row.id(), now)) {
				holds.release(row, "expired", now);
			}
			return row(caller, checkoutId);
		});
		if (!after.status().equals("REDEEMED")) {
			throw closed(after, now);
		}
		return view(after, now);
	}

	/** The shop gives up the checkout: codes and points go back. Again on a released one: the same answer. */
	public Checkout release(StoreContext caller, String checkoutId) {
		return transactions.inTransaction(() -> {
			Instant now = clock.instant();
			Row row = row(caller, checkoutId);
			if (row.status().equals("RESERVED")) {
				holds.release(row, row.expiredAt(now) ? "expired" : "released", now);
				row = row(caller, checkoutId);
			}
			if (row.status().equals("REDEEMED")) {
				throw new PhiliaException(RewardProblems.CHECKOUT_CLOSED, "Checkout " + checkoutId
						+ " was redeemed: its order is paid; cancel or refund the order instead");
			}
			return view(row, now);
		});
	}

	public Checkout get(StoreContext caller, String checkoutId) {
		return view(row(caller, checkoutId), clock.instant());
	}

	/** Releases up to {@code limit} reservations whose time ran out; returns how many this call released. */
	public int releaseExpired(int limit) {
		return transactions.inTransaction(() -> {
			Instant now = clock.instant();
			List<Row> due = store.claimDue(now, limit);
			int released = 0;
			for (Row row : due) {
				released += holds.release(row, "expired", now) ? 1 : 0;
			}
			return released;
		});
	}

	private Row row(StoreContext caller, String checkoutId) {
		return store.find(caller.programId(), caller.storeId(), checkoutId)
			.orElseThrow(() -> new PhiliaException(RewardProblems.CHECKOUT_NOT_FOUND,
					"No checkout " + checkoutId + " in this store"));
	}

	private static PhiliaException closed(Row row, Instant now) {
		if (row.expiredAt(now) || "expired".equals(row.closeReason())) {
			return new PhiliaException(RewardProblems.CHECKOUT_EXPIRED,
					"Checkout " + row.id() + " expired at " + row.expiresAt() + "; its codes and points were given back");
		}
		return new PhiliaException(RewardProblems.CHECKOUT_CLOSED,
				"Checkout " + row.id() + " is " + row.status().toLowerCase(java.util.Locale.ROOT));
	}

	static Checkout view(Row row, Instant now) {
		String status = row.expiredAt(now) || row.status().equals("RELEASED") && "expired".equals(row.closeReason())
				? "expired" : row.status().toLowerCase(java.util.Locale.ROOT);
		return new Checkout(row.id(), row.storeId(), row.orderId(), row.memberId(), status, row.outcome(),
				row.restoredPoints(), row.createdAt(), row.expiresAt(), row.closedAt(), row.closeReason());
	}
}
