package io.philia.reward.internal;

import java.util.Locale;
import java.util.Set;

import io.philia.platform.Violations;
import io.philia.reward.ShippingAddress;

/** Checks a gift's shipping address: every line a carrier needs, a real country code. */
public final class Addresses {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private Addresses() {
	}

	public static ShippingAddress check(Violations v, ShippingAddress address) {
		if (address == null) {
			v.add("shippingAddress", "is required for a gift: name, line1, postalCode, city, country");
			return null;
		}
		v.requireText("shippingAddress.name", address.name(), 200);
		v.requireText("shippingAddress.line1", address.line1(), 200);
		v.checkLength("shippingAddress.line2", address.line2(), 200);
		v.requireText("shippingAddress.postalCode", address.postalCode(), 20);
		v.requireText("shippingAddress.city", address.city(), 100);
		String country = address.country() == null ? null : address.country().toUpperCase(Locale.ROOT);
		if (country == null || !COUNTRIES.contains(country)) {
			v.add("shippingAddress.country", "must be an ISO 3166 country code such as FR");
		}
		v.checkLength("shippingAddress.phone", address.phone(), 40);
		return new ShippingAddress(address.name(), address.line1(), address.line2(), address.postalCode(),
				address.city(), country, address.phone());
	}
}
