package io.philia.event;

import java.util.Locale;

/** Where an order is in its life, as far as points are concerned. */
enum OrderStatus {

	PLACED, PAID, PARTIALLY_REFUNDED, REFUNDED, CANCELLED;

	String api() {
		return name().toLowerCase(Locale.ROOT);
	}

	boolean isPaid() {
		return this == PAID || this == PARTIALLY_REFUNDED;
	}
}
