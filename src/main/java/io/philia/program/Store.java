package io.philia.program;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A shop inside a programme, with the currency its orders are in and its default earning rate.
 * {@code returnWindow} is the store's own (absent: the programme's applies); {@code terms} are the
 * terms its earnings follow, read with the store so that an event costs no extra query for them.
 */
public record Store(String id, String programId, String code, String name, String currency, EarningRate earning,
		Instant createdAt, ReturnWindow returnWindow, PointsTerms terms) {

	/** A store with no lifecycle of its own: points available at once, never expiring, no debt. */
	public Store(String id, String programId, String code, String name, String currency, EarningRate earning,
			Instant createdAt) {
		this(id, programId, code, name, currency, earning, createdAt, null,
				new PointsTerms(ZoneOffset.UTC, null, ExpiryPolicy.NONE, DebtPolicy.NONE));
	}
}
