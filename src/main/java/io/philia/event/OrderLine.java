package io.philia.event;

/** A line of an order, with how many of its units were refunded so far. */
record OrderLine(String sku, String category, String brand, int quantity, long unitPriceMinor, int refundedQuantity) {

	long amountMinor() {
		return Math.multiplyExact(unitPriceMinor, (long) quantity);
	}

	int refundable() {
		return quantity - refundedQuantity;
	}

	OrderLine refunded(int units) {
		return new OrderLine(sku, category, brand, quantity, unitPriceMinor, refundedQuantity + units);
	}
}
