package io.philia.program;

import java.time.Instant;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How long an order's points stay pending: {@code days} after the order was paid, or after the store
 * said it was fulfilled ({@code order.fulfilled}). Days are counted in the programme's time zone, so a
 * window that spans a change to or from summer time still closes at the same local time.
 *
 * @param days 0 to 365; 0 means no window (a store's way to say so when its programme has one)
 * @param from "paid" or "fulfilled"
 * @param fulfilledWithin with "fulfilled": the window starts at the latest this many days (1 to 730) after
 *        payment, so points never wait for a fulfilment that is not coming; null, they wait for it
 */
public record ReturnWindow(int days, String from, Integer fulfilledWithin) {

	public static final int MAX_DAYS = 365;

	/** Two years: wine sold en primeur is delivered some 18 months after it is paid. */
	public static final int MAX_FULFILMENT_DAYS = 730;

	public ReturnWindow(int days, String from) {
		this(days, from, null);
	}

	public ReturnWindow {
		if (days < 0 || days > MAX_DAYS) {
			throw new IllegalArgumentException("days must be from 0 (no window) to " + MAX_DAYS);
		}
		if (from == null) {
			from = "paid";
		}
		if (!from.equals("paid") && !from.equals("fulfilled")) {
			throw new IllegalArgumentException("must count from \"paid\" or \"fulfilled\"");
		}
		if (fulfilledWithin != null && !from.equals("fulfilled")) {
			throw new IllegalArgumentException("fulfilledWithin applies to a window counted from \"fulfilled\"");
		}
		if (fulfilledWithin != null && (fulfilledWithin < 1 || fulfilledWithin > MAX_FULFILMENT_DAYS)) {
			throw new IllegalArgumentException("fulfilledWithin must be from 1 to " + MAX_FULFILMENT_DAYS + " days");
		}
	}

	/** True when points wait at all. */
	@JsonIgnore
	public boolean holds() {
		return days > 0;
	}

	@JsonIgnore
	public boolean countsFromFulfilment() {
		return from.equals("fulfilled");
	}

	/**
	 * When an order paid at {@code paidAt} and not fulfilled yet counts as fulfilled, or null if it waits
	 * for the store to say so.
	 */
	public Instant fulfilledAtTheLatest(Instant paidAt, ZoneId zone) {
		return fulfilledWithin == null ? null : paidAt.atZone(zone).plusDays(fulfilledWithin).toInstant();
	}

	/** When the window that opened at {@code start} closes. */
	public Instant closesAt(Instant start, ZoneId zone) {
		return start.atZone(zone).plusDays(days).toInstant();
	}
}
