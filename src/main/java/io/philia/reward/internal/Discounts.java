package io.philia.reward.internal;

import java.math.BigInteger;
import java.time.Instant;

import io.philia.platform.Money;
import io.philia.platform.ProblemType;
import io.philia.reward.RewardProblems;

/**
 * What coupon terms take off a cart, or exactly why they take nothing. Pure: no database, no clock of
 * its own, so the unit tests can walk every branch.
 */
public final class Discounts {

	private Discounts() {
	}

	/** What one code gives a cart, or the refusal. */
	public sealed interface Decision {
	}

	public record Applies(long discountMinor, boolean freeShipping) implements Decision {
	}

	/** Why not, with the values the member-facing message names ({0}, {1}…). */
	public record Refused(ProblemType problem, String detail, Object... arguments) implements Decision {
	}

	/**
	 * @param issuedAt when a decaying coupon was issued (its steps count from then)
	 */
	public static Decision apply(Terms terms, CartView cart, Instant issuedAt, Instant now) {
		if (terms.currency() != null && !terms.currency().equals(cart.currency())) {
			return new Refused(RewardProblems.COUPON_CURRENCY,
					"The coupon is for carts in " + terms.currency() + ", the cart is in " + cart.currency(),
					terms.currency());
		}
		if (cart.subtotalMinor() < terms.minimumMinor()) {
			Money minimum = Money.ofMinor(terms.minimumMinor(), cart.currency());
			return new Refused(RewardProblems.COUPON_MINIMUM_BASKET, "The cart's subtotal "
					+ cart.format(cart.subtotalMinor()) + " is below the minimum basket of " + minimum, minimum);
		}
		long eligible = cart.eligibleMinor(terms);
		if (terms.scoped() && eligible == 0) {
			return new Refused(RewardProblems.COUPON_OUT_OF_SCOPE,
					"No line of the cart has one of the SKUs " + terms.skus() + " or categories " + terms.categories());
		}
		int percent = terms.percent();
		long amount = terms.amountMinor();
		if (!terms.decay().isEmpty()) {
			Terms.Step step = terms.decay()
				.stream()
				.filter(s -> now.isBefore(issuedAt.plus(s.within())))
				.findFirst()
				.orElse(null);
			if (step == null) {
				return new Refused(RewardProblems.COUPON_EXPIRED, "The coupon's last step ended "
						+ issuedAt.plus(terms.lifetime()));
			}
			percent = step.percent();
			amount = step.amountMinor();
		}
		return switch (terms.kind()) {
			case PERCENTAGE -> new Applies(BigInteger.valueOf(eligible)
				.multiply(BigInteger.valueOf(percent))
				.divide(BigInteger.valueOf(100))
				.longValueExact(), false);
			case AMOUNT -> new Applies(Math.min(amount, eligible), false);
			case FREE_SHIPPING -> new Applies(cart.shippingMinor(), true);
		};
	}
}
