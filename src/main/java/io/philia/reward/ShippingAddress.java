package io.philia.reward;

/** Where a gift goes. {@code country} is an ISO 3166 alpha-2 code (FR, BE). */
public record ShippingAddress(String name, String line1, String line2, String postalCode, String city,
		String country, String phone) {
}
