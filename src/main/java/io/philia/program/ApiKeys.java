package io.philia.program;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.platform.Ids;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;

/**
 * Store API keys: random, shown once, stored as a SHA-256 hash. A fast hash is enough here (unlike for
 * passwords): a key carries 190 bits of randomness, so there is nothing to brute-force from the hash.
 */
@Service
public class ApiKeys {

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private static final String PREFIX = "phk_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Programmes programmes;

	private final Clock clock;

	/**
	 * Keys verified recently, by hash, with when: a request must not cost a query just to know who sends it,
	 * but a key revoked on another node must stop working here too, once its check is older than
	 * {@code recheck}.
	 */
	private final Map<String, Verified> known = new ConcurrentHashMap<>();

	private final Duration recheck;

	private record Verified(StoreContext store, Instant at) {
	}

	ApiKeys(JdbcClient jdbc, Programmes programmes, Clock clock, ProgramSettings settings) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.clock = clock;
		this.recheck = settings.apiKeyRecheck();
	}

	public record ApiKeyInfo(String id, String storeId, String prefix, String label, java.time.Instant createdAt,
			java.time.Instant revokedAt) {
	}

	@Transactional
	public IssuedApiKey issue(String programId, String storeId, String label) {
		return register(programId, storeId, generate(), label);
	}

	/** Registers a key chosen by the operator (bootstrap, demo): it must look like one Philia issues. */
	@Transactional
	public IssuedApiKey register(String programId, String storeId, String key, String label) {
		programmes.store(programId, storeId);
		if (key == null || !key.matches(PREFIX + "[0-9A-Za-z_-]{24,200}")) {
			throw InvalidRequest.of("key", "must start with " + PREFIX + " followed by at least 24 letters or digits");
		}
		if (label != null && label.length() > 200) {
			throw InvalidRequest.of("label", "must be at most 200 characters");
		}
		String id = Ids.next(clock);
		String prefix = key.substring(0, PREFIX.length() + 6);
		jdbc.sql("""
				insert into api_key (id, program_id, store_id, key_hash, prefix, label, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, programId, storeId, hash(key), prefix, label, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		known.remove(hash(key));
		return new IssuedApiKey(id, storeId, key, prefix);
	}

	public boolean exists(String key) {
		return authenticate(key).isPresent();
	}

	/** The store a key belongs to, or empty for an unknown or revoked key. */
	public Optional<StoreContext> authenticate(String key) {
		if (key == null || !key.startsWith(PREFIX)) {
			return Optional.empty();
		}
		String hash = hash(key);
		Instant now = clock.instant();
		Verified cached = known.get(hash);
		if (cached != null && now.isBefore(cached.at().plus(recheck))) {
			return Optional.of(cached.store());
		}
		Optional<StoreContext> found = jdbc
			.sql("select program_id, store_id from api_key where key_hash = ? and revoked_at is null")
			.param(hash)
			.query((rs, n) -> new StoreContext(rs.getString(1), rs.getString(2)))
			.optional();
		// Only keys that exist are remembered: random guesses must not fill the memory.
		found.ifPresentOrElse(store -> known.put(hash, new Verified(store, now)), () -> known.remove(hash));
		return found;
	}

	public List<ApiKeyInfo> list(String programId, String storeId) {
		return jdbc.sql("select * from api_key where program_id = ? and store_id = ? order by id")
			.params(programId, storeId)
			.query((rs, n) -> new ApiKeyInfo(rs.getString("id"), rs.getString("store_id"), rs.getString("prefix"),
					rs.getString("label"), rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
					Optional.ofNullable(rs.getObject("revoked_at", java.time.OffsetDateTime.class))
						.map(java.time.OffsetDateTime::toInstant)
						.orElse(null)))
			.list();
	}

	@Transactional
	public void revoke(String programId, String keyId) {
		String hash = Ids.isValid(keyId) ? jdbc.sql("select key_hash from api_key where program_id = ? and id = ?")
			.params(programId, keyId)
			.query(String.class)
			.optional()
			.orElse(null) : null;
		if (hash == null) {
			throw new PhiliaException(ProgramProblems.API_KEY_NOT_FOUND, "No API key " + keyId);
		}
		jdbc.sql("update api_key set revoked_at = ? where id = ? and revoked_at is null")
			.params(clock.instant().atOffset(ZoneOffset.UTC), keyId)
			.update();
		// This node forgets the key now; the others when their check of it is older than the recheck time.
		known.remove(hash);
	}

	static String generate() {
		var key = new StringBuilder(PREFIX);
		for (int i = 0; i < 32; i++) {
			key.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return key.toString();
	}

	static String hash(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}
}
