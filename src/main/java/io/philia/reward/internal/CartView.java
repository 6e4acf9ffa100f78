package io.philia.reward.internal;

import java.util.ArrayList;
import java.util.List;

import io.philia.platform.Money;
import io.philia.platform.Violations;
import io.philia.reward.Cart;

/** A cart that passed validation: amounts in minor units of one currency. */
public record CartView(String currency, long subtotalMinor, long shippingMinor, List<Line> lines) {

	static final int MAX_LINES = 1000;

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
				if (line.quantity() == null || line.quantity() < 1 || line.quantity() > 1_000_000) {
					v.add(field + ".quantity", "must be a whole number from 1 to 1000000");
				}
				Money price = nonNegative(v, field + ".unitPrice", line.unitPrice(), currency, true);
				if (sku != null && price != null && line.quantity() != null && line.quantity() >= 1) {
					long amount = Math.multiplyExact(price.minor(), (long) line.quantity());
					lines.add(new Line(sku, line.category(), amount));
					sum = Math.addExact(sum, amount);
				}
			}
		}
		Money subtotal = cart.subtotal() == null ? null
				: nonNegative(v, "cart.subtotal", cart.subtotal(), currency, false);
		if (cart.subtotal() == null && cart.lines() == null) {
			v.add("cart.subtotal", "is required when the cart has no lines");
		}
		Money shipping = cart.shipping() == null ? null
				: nonNegative(v, "cart.shipping", cart.shipping(), currency, false);
		if (!v.isEmpty()) {
			return null;
		}
		return new CartView(currency, subtotal == null ? sum : subtotal.minor(), shipping == null ? 0 : shipping.minor(),
				List.copyOf(lines));
	}

	private static Money nonNegative(Violations v, String field, String amount, String currency, boolean required) {
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
		return money;
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
