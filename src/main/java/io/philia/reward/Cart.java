package io.philia.reward;

import java.util.List;

/**
 * A cart as the shop sends it to validate codes or reserve a checkout. Amounts are decimal strings in
 * {@code currency}; {@code subtotal} defaults to the sum of the lines.
 */
public record Cart(String currency, String subtotal, String shipping, List<Line> lines) {

	public record Line(String sku, String category, Integer quantity, String unitPrice) {
	}
}
