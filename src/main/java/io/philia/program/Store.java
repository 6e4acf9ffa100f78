package io.philia.program;

import java.time.Instant;

/** A shop inside a programme, with the currency its orders are in and its default earning rate. */
public record Store(String id, String programId, String code, String name, String currency, EarningRate earning,
		Instant createdAt) {
}
