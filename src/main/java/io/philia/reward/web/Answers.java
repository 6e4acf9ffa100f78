package io.philia.reward.web;

import java.net.URI;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import io.philia.platform.Idempotency;

/** How this module's endpoints answer writes: once per Idempotency-Key, saying whether it is a replay. */
final class Answers {

	private Answers() {
	}

	/** Runs the write once per key when a key is sent; without one, runs it (the write is safe to repeat). */
	static <T> ResponseEntity<T> once(Idempotency idempotency, String programId, String scope, String key,
			Object request, Class<T> type, HttpStatus status, Supplier<T> work) {
		if (key == null) {
			return ResponseEntity.status(status).header("Idempotent-Replayed", "false").body(work.get());
		}
		var outcome = idempotency.once(programId, scope, key, request, type, work);
		return ResponseEntity.status(status)
			.header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
			.body(outcome.value());
	}

	static <T> ResponseEntity<T> created(String location, Idempotency.Outcome<T> outcome) {
		return ResponseEntity.created(URI.create(location))
			.header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
			.body(outcome.value());
	}
}
