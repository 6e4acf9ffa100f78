package io.philia.reward;

import java.util.List;

/**
 * What a cart gets: each code's discount, the points paying part of it, and what is left to pay. Amounts
 * are decimal strings in {@code currency}.
 */
public record CheckoutOutcome(String currency, String subtotal, String shipping, List<AppliedCode> codes,
		String discount, PointsApplied points, String total) {

	/**
	 * A code, as customers see it, and what it takes off; {@code freeShipping} when it is the shipping it
	 * takes off.
	 */
	public record AppliedCode(String code, String campaignId, String discount, boolean freeShipping) {
	}

	/** Points paying part of the order, and the amount they pay. */
	public record PointsApplied(long points, String value) {
	}
}
