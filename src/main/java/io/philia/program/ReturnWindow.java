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
 */
public record ReturnWindow(int days, String from) {

	public static final int MAX_DAYS = 365;

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

	/** When the window that opened at {@code start} closes. */
	public Instant closesAt(Instant start, ZoneId zone) {
		return start.atZone(zone).plusDays(days).toInstant();
	}
}
