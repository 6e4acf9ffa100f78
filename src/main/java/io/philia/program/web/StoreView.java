package io.philia.program.web;

import java.time.Instant;

import io.philia.program.NewStore.EarningTerms;
import io.philia.program.ReturnWindow;
import io.philia.program.Store;

/**
 * A store as the administration API shows it: the earning rate in the same shape as it is sent, its own
 * return window (absent: the programme's) and the window its orders follow (absent: none).
 */
record StoreView(String id, String programId, String code, String name, String currency, EarningTerms earning,
		ReturnWindow returnWindow, ReturnWindow effectiveReturnWindow, Instant createdAt) {

	static StoreView of(Store store) {
		return new StoreView(store.id(), store.programId(), store.code(), store.name(), store.currency(),
				store.earning().terms(), store.returnWindow(), store.terms().returnWindow(), store.createdAt());
	}
}
