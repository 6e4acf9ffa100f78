package io.philia.reward;

import java.util.List;

/**
 * A checkout as the shop starts it: the shop's order id, the cart, the codes typed in and the points the
 * member wants to pay with.
 */
public record CheckoutRequest(String orderId, Customer customer, Cart cart, List<String> codes, Long points,
		String locale) {
}
