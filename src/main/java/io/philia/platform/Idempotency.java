package io.philia.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Exactly-once writes from outside: the first request with a key does the work and stores its answer in
 * the same transaction; the same key again returns that answer and changes nothing; the same key with
 * another body is a 409. A refused request writes nothing, its key included, so it can be corrected and
 * sent again with the same key.
 */
@Component
public class Idempotency {

	public static final int MAX_KEY_LENGTH = 255;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Transactions transactions;

	private final Clock clock;

	private final WriteBehind writes;

	/** The application's mapper writing object keys and properties sorted: the canonical form in one pass. */
	private final JsonMapper canonical;

	Idempotency(JdbcClient jdbc, JsonMapper json, Transactions transactions, Clock clock, WriteBehind writes) {
		this.jdbc = jdbc;
		this.writes = writes;
		this.json = json;
		this.canonical = canonical(json);
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What an idempotent call answered, and whether it is the stored answer of an earlier call. */
	public record Outcome<T>(T value, boolean replayed) {
	}

	/**
	 * Runs {@code work} once per (programme, scope, key), in a transaction that also holds the work's own
	 * writes. {@code request} is what identifies "the same body"; {@code type} reads a stored answer back.
	 */
	public <T> Outcome<T> once(String programId, String scope, String key, Object request, Class<T> type,
			Supplier<T> work) {
		return once(programId, scope, key, canonical(request), type, work);
	}

	/** As {@link #once(String, String, String, Object, Class, Supplier)}, the request already written canonically. */
	public <T> Outcome<T> once(String programId, String scope, String key, Canonical request, Class<T> type,
			Supplier<T> work) {
		return once(claim(programId, scope, key, request), type, work);
	}

	/** A request's claim on its key, made before it is queued: what a micro-batch looks up for all its pieces. */
	public record Claim(String programId, String scope, String key, Canonical request) {

		ClaimKey id() {
			return new ClaimKey(programId, scope, key);
		}
	}

	record ClaimKey(String programId, String scope, String key) {
	}

	/** Checks the key, and names the claim the work will make on it. */
	public Claim claim(String programId, String scope, String key, Canonical request) {
		checkKey(key);
		return new Claim(programId, scope, key, request);
	}

	/**
	 * As {@link #once(String, String, String, Object, Class, Supplier)} for a claim. In a micro-batch whose
	 * keys were looked up at its start ({@link BatchClaims}), a key nobody holds is claimed with its answer by
	 * one insert at the commit; otherwise the key is claimed first, before the work.
	 */
	public <T> Outcome<T> once(Claim claim, Class<T> type, Supplier<T> work) {
		BatchClaims batch = writes.memory(BatchClaims.MEMORY, () -> null);
		if (batch != null && batch.looksUp(claim)) {
			return onceInBatch(batch, claim, type, work);
		}
		String programId = claim.programId();
		String scope = claim.scope();
		String key = claim.key();
		String fingerprint = claim.request().fingerprint();
		return transactions.inTransaction(() -> {
			int claimed = jdbc.sql("""
					insert into idempotency_record (program_id, scope, idem_key, fingerprint, created_at)
					values (:program, :scope, :key, :fingerprint, :now)
					on conflict do nothing""")
				.param("program", programId)
				.param("scope", scope)
				.param("key", key)
				.param("fingerprint", fingerprint)
				.param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
				.update();
			if (claimed == 0) {
				return new Outcome<>(storedAnswer(programId, scope, key, fingerprint, type), true);
			}
			T answer = work.get();
			// Read back only by a repeat of the key, which writes it out first: batched with the commit.
			writes.defer("update idempotency_record set response = ? where program_id = ? and scope = ? and idem_key = ?",
					json.writeValueAsString(answer), programId, scope, key);
			return new Outcome<>(answer, false);
		});
	}

	/**
	 * Looks up, in the current transaction, which of a micro-batch's keys are already held: one statement per
	 * programme and scope instead of one claim per piece. The claims of the others then go out with their
	 * answers at the commit ({@link GroupCommit}'s all-or-nothing attempt only: a key another transaction
	 * claims meanwhile fails that commit, and the batch runs again piece by piece, claims first).
	 */
	void lookUpAtCommit(List<Claim> claims) {
		writes.memory(BatchClaims.MEMORY, () -> new BatchClaims(claims, this::held));
	}

	/** Which of these keys of one programme and scope have a record. */
	private Set<String> held(String programId, String scope, List<String> keys) {
		return new HashSet<>(jdbc
			.sql("select idem_key from idempotency_record where program_id = ? and scope = ? and idem_key = any(?)")
			.params(programId, scope, AnyOf.values(keys))
			.query(String.class)
			.list());
	}

	private <T> Outcome<T> onceInBatch(BatchClaims batch, Claim claim, Class<T> type, Supplier<T> work) {
		String fingerprint = claim.request().fingerprint();
		BatchClaims.Answered earlier = batch.answered(claim);
		if (earlier != null) {
			// The same key twice in one micro-batch (a quick retry): the first one's answer.
			if (!earlier.fingerprint().equals(fingerprint)) {
				throw reused(claim.key());
			}
			return new Outcome<>(json.readValue(earlier.response(), type), true);
		}
		if (batch.held(claim)) {
			return new Outcome<>(storedAnswer(claim.programId(), claim.scope(), claim.key(), fingerprint, type), true);
		}
		T answer = work.get();
		String response = json.writeValueAsString(answer);
		writes.defer("""
				insert into idempotency_record (program_id, scope, idem_key, fingerprint, response, created_at)
				values (?, ?, ?, ?, ?, ?)""", claim.programId(), claim.scope(), claim.key(), fingerprint, response,
				OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
		batch.answer(claim, new BatchClaims.Answered(fingerprint, response));
		return new Outcome<>(answer, false);
	}

	private <T> T storedAnswer(String programId, String scope, String key, String fingerprint, Class<T> type) {
		writes.writeOut();
		var stored = jdbc.sql("select fingerprint, response from idempotency_record where program_id = :program and scope = :scope and idem_key = :key")
			.param("program", programId)
			.param("scope", scope)
			.param("key", key)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		if (!stored[0].equals(fingerprint)) {
			throw reused(key);
		}
		if (stored[1] == null) {
			throw new PhiliaException(PlatformProblems.CONCURRENT_REQUEST,
					"A request with Idempotency-Key '" + key + "' is still being processed");
		}
		return json.readValue(stored[1], type);
	}

	private static PhiliaException reused(String key) {
		return new PhiliaException(PlatformProblems.IDEMPOTENCY_KEY_REUSED,
				"Idempotency-Key '" + key + "' was first used with a different request body");
	}

	public static void checkKey(String key) {
		if (key == null || key.isBlank()) {
			throw new PhiliaException(PlatformProblems.IDEMPOTENCY_KEY_MISSING,
					"Send an Idempotency-Key header (for example a UUID) so that a retry is never applied twice");
		}
		if (key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
			throw InvalidRequest.of("Idempotency-Key",
					"must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters without spaces");
		}
	}

	/**
	 * A request as canonical JSON (object keys sorted, so formatting does not matter) and the SHA-256 of that
	 * text, its fingerprint: what identifies "the same body".
	 */
	public record Canonical(String json, String fingerprint) {
	}

	/**
	 * The request written in one pass by a sorting mapper: the same text as the request turned into a tree
	 * and its keys sorted, as before (stored fingerprints stay valid), without the tree (issue #3: a tenth
	 * of an event's work). An event is written so before it is queued, off its writer's thread.
	 */
	public Canonical canonical(Object request) {
		String text = canonical.writeValueAsString(request);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return new Canonical(text, HexFormat.of().formatHex(digest));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	public String fingerprint(Object request) {
		return canonical(request).fingerprint();
	}

	private static JsonMapper canonical(JsonMapper json) {
		return json.rebuild()
			.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
			.disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
			.build();
	}
}
