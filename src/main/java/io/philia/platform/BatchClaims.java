package io.philia.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The idempotency keys of one micro-batch, looked up together at its start (issue #3: one statement for
 * the batch instead of one claim per event), held in its transaction's memory: which were already held
 * then, and the answers the batch's own pieces gave so far under the others.
 */
final class BatchClaims {

	static final String MEMORY = "idempotency.batch";

	/** What the store of a key looks up: the keys of one programme and scope that have a record. */
	interface Lookup {

		Set<String> held(String programId, String scope, List<String> keys);
	}

	/** An answer a piece of this batch gave, not yet written. */
	record Answered(String fingerprint, String response) {
	}

	private final Set<Idempotency.ClaimKey> listed = new HashSet<>();

	private final Set<Idempotency.ClaimKey> held = new HashSet<>();

	private final Map<Idempotency.ClaimKey, Answered> answered = new HashMap<>();

	BatchClaims(List<Idempotency.Claim> claims, Lookup lookup) {
		Map<List<String>, List<String>> keysByScope = new LinkedHashMap<>();
		for (Idempotency.Claim claim : claims) {
			if (listed.add(claim.id())) {
				keysByScope.computeIfAbsent(List.of(claim.programId(), claim.scope()), s -> new ArrayList<>())
					.add(claim.key());
			}
		}
		keysByScope.forEach((scope, keys) -> lookup.held(scope.get(0), scope.get(1), keys)
			.forEach(key -> held.add(new Idempotency.ClaimKey(scope.get(0), scope.get(1), key))));
	}

	/** Whether the claim's key was looked up with the batch (a claim made in a piece's own work was not). */
	boolean looksUp(Idempotency.Claim claim) {
		return listed.contains(claim.id());
	}

	/** Whether the key had a record before the batch. */
	boolean held(Idempotency.Claim claim) {
		return held.contains(claim.id());
	}

	Answered answered(Idempotency.Claim claim) {
		return answered.get(claim.id());
	}

	void answer(Idempotency.Claim claim, Answered answer) {
		answered.put(claim.id(), answer);
	}
}
