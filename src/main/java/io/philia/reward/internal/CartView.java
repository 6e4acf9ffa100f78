package io.philia.reward.internal;

import java.util.ArrayList;
import java.util.List;

import io.philia.platform.Money;
import io.philia.platform.Violations;
import io.philia.reward.Cart;

/** A cart that passed validation: amounts in minor units of one currency. */
public record CartView(String currency, long subtotalMinor, long shippingMinor, List<Line> lines) {

	static final int MAX_LINES = 1000;

	static final int MAX_QUANTITY = 1_000_000;

	/**
	 * The most any amount of a cart may be (a unit price, a line, the lines together, the subtotal, the
	 * shipping), in units of its currency: a trillion is beyond any order in any currency (36 million EUR
	 * even in dong) and keeps every sum and percentage of cart amounts inside a long, so pricing cannot
	 * overflow.
	 */
	static final long MAX_AMOUNT_UNITS = 1_000_000_000_000L;

	public record Line(String sku, String category, long amountMinor) {
	}

	public static CartView parse(Violations v, Cart cart) {
		if (cart == null) {
			v.add("cart", "is required: {\"currency\": \"EUR\", \"subtotal\": \"120.00\"} or lines");
			return null;
		}
		String currency = cart.currency() == null ? null
				: v.check("cart.currency", () -> Money.currency(cart.currency()).getCurrencyCode());
		if (cart.currency() == null) {
			v.add("cart.currency", "is required (ISO-4217, such as EUR)");
		}
		if (currency == null) {
			return null;
		}
		long max = maxMinor(currency);
		List<Line> lines = new ArrayList<>();
		long sum = 0;
		if (cart.lines() != null) {
			if (cart.lines().size() > MAX_LINES) {
				v.add("cart.lines", "must have at most " + MAX_LINES + " lines");
				return null;
			}
			for (int i = 0; i < cart.lines().size(); i++) {
				Cart.Line line = cart.lines().get(i);
				String field = "cart.lines[" + i + "]";
				if (line == null) {
					v.add(field, "must be an object");
					continue;
				}
				String sku = v.requireText(field + ".sku", line.sku(), 100);
				v.checkLength(field + ".category", line.category(), 100);
				boolean counted = line.quantity() != null && line.quantity() >= 1 && line.quantity() <= MAX_QUANTITY;
				if (!counted) {
					v.add(field + ".quantity", "must be a whole number from 1 to " + MAX_QUANTITY);
				}
				Money price = amount(v, field + ".unitPrice", line.unitPrice(), currency, max, true);
				if (price != null && counted && price.minor() > max / line.quantity()) {
					v.add(field + ".unitPrice", "times the quantity " + line.quantity() + " is more than a cart may be, "
							+ Money.ofMinor(max, currency));
					price = null;
				}
				if (sku != null && price != null && counted) {
					long amount = price.minor() * line.quantity();
					lines.add(new Line(sku, line.category(), amount));
					// Both at most max: the sum fits a long; past max once, it is refused and stops growing.
					sum = Math.min(sum + amount, max + 1);
				}
			}
		}
		if (sum > max) {
			v.add("cart.lines", "add up to more than a cart may be, " + Money.ofMinor(max, currency));
		}
		Money subtotal = cart.subtotal() == null ? null
				: amount(v, "cart.subtotal", cart.subtotal(), currency, max, false);
		if (cart.subtotal() == null && cart.lines() == null) {
			v.add("cart.subtotal", "is required when the cart has no lines");
		}
		Money shipping = cart.shipping() == null ? null
				: amount(v, "cart.shipping", cart.shipping(), currency, max, false);
		if (!v.isEmpty()) {
			return null;
		}
		return new CartView(currency, subtotal == null ? sum : subtotal.minor(), shipping == null ? 0 : shipping.minor(),
				List.copyOf(lines));
	}

	/** An amount of the cart: a decimal string in its currency, from zero to {@code max} minor units. */
	private static Money amount(Violations v, String field, String amount, String currency, long max,
			boolean required) {
		if (amount == null) {
			if (required) {
				v.add(field, "is required, as a decimal string");
			}
			return null;
		}
		Money money = v.check(field, () -> Money.of(amount, currency));
		if (money != null && money.isNegative()) {
			v.add(field, "must not be negative");
			return null;
		}
		if (money != null && money.minor() > max) {
			v.add(field, "must be at most " + Money.ofMinor(max, currency));
			return null;
		}
		return money;
	}

	private static long maxMinor(String currency) {
		long max = MAX_AMOUNT_UNITS;
		for (int digits = Money.currency(currency).getDefaultFractionDigits(); digits > 0; digits--) {
			max *= 10;
		}
		return max;
	}

	/** The amount of the lines the terms cover; the whole subtotal when they cover the whole cart. */
	long eligibleMinor(Terms terms) {
		if (!terms.scoped()) {
			return subtotalMinor;
		}
		long eligible = lines.stream()
			.filter(l -> terms.skus().contains(l.sku()) || l.category() != null && terms.categories().contains(l.category()))
			.mapToLong(Line::amountMinor)
			.sum();
		return Math.min(eligible, subtotalMinor);
	}

	public String format(long minor) {
		return Money.ofMinor(minor, currency).amount();
	}
}
