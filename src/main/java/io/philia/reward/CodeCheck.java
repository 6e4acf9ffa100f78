package io.philia.reward;

import java.util.List;

/**
 * A request to validate one code against a cart.
 *
 * @param otherCodes codes already applied to the cart (for stacking)
 * @param locale fr or en for the member-facing message; absent, the member's or the programme's
 */
public record CodeCheck(Customer customer, Cart cart, List<String> otherCodes, String locale) {
}
