package io.philia.program.web;

import java.time.Instant;

import io.philia.program.NewStore.EarningTerms;
import io.philia.program.Store;

/** A store as the administration API shows it: the earning rate in the same shape as it is sent. */
record StoreView(String id, String programId, String code, String name, String currency, EarningTerms earning,
		Instant createdAt) {

	static StoreView of(Store store) {
		return new StoreView(store.id(), store.programId(), store.code(), store.name(), store.currency(),
				store.earning().terms(), store.createdAt());
	}
}
