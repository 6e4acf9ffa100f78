package io.philia.reward.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.philia.ledger.LedgerProblems;
import io.philia.ledger.PointsLedger;
import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;
import io.philia.program.StoreContext;
import io.philia.reward.CheckoutOutcome;
import io.philia.reward.CheckoutOutcome.AppliedCode;
import io.philia.reward.CheckoutOutcome.PointsApplied;
import io.philia.reward.CheckoutRequest;
import io.philia.reward.PointsPayment;
import io.philia.reward.RewardProblems;
import io.philia.reward.internal.CodeChecker.Checked;
import io.philia.reward.internal.CouponStore.Found;

/**
 * What a checkout's cart gets: every code checked against the cart and the others, discounts added up
 * (never more than the cart), then the points paying their share of what is left. Reads only.
 */
@Component
public class Pricing {

	public static final int MAX_CODES = 10;

	private final CodeLookup lookup;

	private final CodeChecker checker;

	private final SettingsStore settings;

	private final PointsLedger ledger;

	private final MemberTexts texts;

	Pricing(CodeLookup lookup, CodeChecker checker, SettingsStore settings, PointsLedger ledger, MemberTexts texts) {
		this.lookup = lookup;
		this.checker = checker;
		this.settings = settings;
		this.ledger = ledger;
		this.texts = texts;
	}

	/** A priced cart: the checked codes (to reserve), the points and the outcome to show. */
	public record Priced(CartView cart, List<Checked> codes, long points, CheckoutOutcome outcome) {
	}

	public Priced price(StoreContext store, CheckoutRequest request, Member member, String locale, Instant now) {
		var v = new Violations();
		CartView cart = CartView.parse(v, request.cart());
		List<String> typed = request.codes() == null ? List.of() : request.codes();
		if (typed.size() > MAX_CODES) {
			v.add("codes", "must have at most " + MAX_CODES + " codes");
		}
		for (int i = 0; i < typed.size(); i++) {
			if (typed.get(i) == null) {
				// The shop's mistake, not a guess: a 400 that uses none of the failed look-ups' allowance.
				v.add("codes[" + i + "]", "must not be null");
			}
		}
		long points = request.points() == null ? 0 : request.points();
		if (points < 0) {
			v.add("points", "must not be negative");
		}
		if (points > 0 && member == null) {
			v.add("customer", "must name an enrolled member to pay with points");
		}
		v.throwIfAny();
		String programId = store.programId();
		List<String> keys = Shoppers.keys(request.customer(), member);
		List<Found> found = new ArrayList<>();
		var seen = new HashSet<String>();
		for (int i = 0; i < typed.size(); i++) {
			Found coupon = lookup.find(store, typed.get(i), keys, locale);
			if (!seen.add(coupon.code())) {
				throw io.philia.platform.InvalidRequest.of("codes[" + i + "]", "is the same code as an earlier one");
			}
			found.add(coupon);
		}
		List<Checked> checked = new ArrayList<>();
		List<AppliedCode> applied = new ArrayList<>();
		long discount = 0;
		long shippingOff = 0;
		for (Found coupon : found) {
			var others = found.stream().filter(o -> o != coupon).toList();
			Checked c = checker.check(programId, coupon, cart, member, others, locale, texts.zone(programId), now);
			checked.add(c);
			if (c.freeShipping()) {
				shippingOff = cart.shippingMinor();
			}
			else {
				discount += c.discountMinor();
			}
			applied.add(new AppliedCode(coupon.campaign().display(coupon.code()), coupon.campaign().id(), cart.format(c.discountMinor()),
					c.freeShipping()));
		}
		long totalOff = Math.min(discount, cart.subtotalMinor()) + shippingOff;
		long due = cart.subtotalMinor() + cart.shippingMinor() - totalOff;
		long value = points == 0 ? 0 : pointsValue(programId, member, cart, points, due, locale);
		var outcome = new CheckoutOutcome(cart.currency(), cart.format(cart.subtotalMinor()),
				cart.format(cart.shippingMinor()), List.copyOf(applied), cart.format(totalOff),
				points == 0 ? null : new PointsApplied(points, cart.format(value)), cart.format(due - value));
		return new Priced(cart, List.copyOf(checked), points, outcome);
	}

	/** What the points pay, within the programme's bounds; refused outside them or beyond the balance. */
	private long pointsValue(String programId, Member member, CartView cart, long points, long due, String locale) {
		PointsPayment terms = settings.find(programId).map(t -> t.pointsPayment()).orElse(null);
		if (terms == null || !terms.currency().equals(cart.currency())) {
			throw MemberTexts.refusal(RewardProblems.POINTS_PAYMENT_UNAVAILABLE, terms == null
					? "The programme does not take points as payment"
					: "Points pay for orders in " + terms.currency() + " only; the cart is in " + cart.currency(), locale);
		}
		long perMinor = Money.of(terms.per(), terms.currency()).minor();
		long value = BigInteger.valueOf(points)
			.multiply(BigInteger.valueOf(perMinor))
			.divide(BigInteger.valueOf(terms.points()))
			.min(BigInteger.valueOf(Long.MAX_VALUE))
			.longValue();
		long min = share(due, terms.minShare());
		long max = share(due, terms.maxShare());
		if (value < min || value > max || value == 0 || terms.minPoints() != null && points < terms.minPoints()) {
			Money low = Money.ofMinor(min, cart.currency());
			Money high = Money.ofMinor(max, cart.currency());
			throw MemberTexts.refusal(RewardProblems.POINTS_PAYMENT_OUT_OF_BOUNDS, points + " points pay "
					+ cart.format(value) + "; points may pay from " + low + " to " + high + " of this order"
					+ (terms.minPoints() == null ? "" : ", at least " + terms.minPoints() + " points"), locale, low, high);
		}
		long available = ledger.balance(programId, member.id()).available();
		if (available < points) {
			throw new PhiliaException(LedgerProblems.INSUFFICIENT_POINTS,
					"The member has " + available + " available points; " + points + " are needed",
					Map.of("available", available, "needed", points, "locale", locale, "message",
							MemberTexts.text(locale, "insufficient-points", points, available)));
		}
		return value;
	}

	private static long share(long amount, int percent) {
		return BigInteger.valueOf(amount).multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100)).longValue();
	}
}
