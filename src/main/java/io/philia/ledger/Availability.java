package io.philia.ledger;

import java.time.Instant;

/**
 * When earned points become available: at once, at a time (the end of an order's return window), or once
 * the order is fulfilled and its window has run ({@link PointsLedger#startReturnWindow}).
 */
public record Availability(Instant at, boolean awaitingFulfilment) {

	public static final Availability NOW = new Availability(null, false);

	public static final Availability ON_FULFILMENT = new Availability(null, true);

	public static Availability at(Instant at) {
		return new Availability(at, false);
	}

	/** True when the points are not available yet at {@code now}. */
	public boolean pendingAt(Instant now) {
		return awaitingFulfilment || at != null && at.isAfter(now);
	}
}
