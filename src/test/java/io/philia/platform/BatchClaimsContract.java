package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.support.HttpTest;

/**
 * The idempotency keys of a micro-batch are looked up together at its start and claimed with their
 * answers at its commit. The guarantees stay those of a claim made first: a key is answered once, a quick
 * retry inside the same batch gets the first answer, another body is refused, and a key another
 * transaction claims while the batch runs is that transaction's: the batch's own work is rolled back.
 */
abstract class BatchClaimsContract extends HttpTest {

	@Autowired
	Idempotency idempotency;

	@Autowired
	GroupCommit groupCommit;

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcClient jdbc;

	private final String programId = UUID.randomUUID().toString();

	@Test
	void aRetryInTheSameBatchGetsTheFirstAnswerAndAnotherBodyIsRefused() {
		Idempotency.Claim first = claim("k-1", "{\"total\": 1}");
		Idempotency.Claim retry = claim("k-1", "{\"total\": 1}");
		Idempotency.Claim otherBody = claim("k-1", "{\"total\": 2}");
		var runs = new AtomicInteger();

		var answers = transactions.inTransaction(() -> {
			idempotency.lookUpAtCommit(List.of(first, retry));
			return List.of(idempotency.once(first, String.class, () -> "answer " + runs.incrementAndGet()),
					idempotency.once(retry, String.class, () -> "answer " + runs.incrementAndGet()));
		});

		assertThat(answers).containsExactly(new Idempotency.Outcome<>("answer 1", false),
				new Idempotency.Outcome<>("answer 1", true));
		assertThat(stored("k-1")).containsExactly("\"answer 1\"");
		assertThatThrownBy(() -> transactions.inTransaction(() -> {
			idempotency.lookUpAtCommit(List.of(claim("k-2", "{}"), claim("k-2", "{\"other\": true}")));
			idempotency.once(claim("k-2", "{}"), String.class, () -> "k-2");
			return idempotency.once(claim("k-2", "{\"other\": true}"), String.class, () -> "never");
		})).isInstanceOf(PhiliaException.class).hasMessageContaining("different request body");
		assertThat(stored("k-2")).as("the refusal rolled its batch back").isEmpty();
		assertThatThrownBy(() -> transactions.inTransaction(() -> {
			idempotency.lookUpAtCommit(List.of(otherBody));
			return idempotency.once(otherBody, String.class, () -> "never");
		})).isInstanceOf(PhiliaException.class).hasMessageContaining("different request body");
	}

	@Test
	void aKeyHeldBeforeTheBatchIsReplayedWithoutRunningTheWork() {
		idempotency.once(claim("held", "{}"), String.class, () -> "first");
		var keys = new ArrayList<Idempotency.Claim>();
		// One look-up for all 300, with held keys among them.
		for (int i = 0; i < 300; i++) {
			keys.add(claim("key-" + i, "{}"));
			if (i % 100 == 7) {
				idempotency.once(claim("key-" + i, "{}"), String.class, () -> "held");
			}
		}
		keys.add(claim("held", "{}"));
		var runs = new AtomicInteger();

		List<Idempotency.Outcome<String>> answers = transactions.inTransaction(() -> {
			idempotency.lookUpAtCommit(keys);
			return keys.stream().map(c -> idempotency.once(c, String.class, () -> "ran " + runs.incrementAndGet())).toList();
		});

		assertThat(answers.getLast()).isEqualTo(new Idempotency.Outcome<>("first", true));
		assertThat(answers.stream().filter(Idempotency.Outcome::replayed).count()).isEqualTo(4);
		assertThat(answers.get(107)).isEqualTo(new Idempotency.Outcome<>("held", true));
		assertThat(runs).hasValue(297);
		assertThat(stored("key-299")).containsExactly("\"ran 297\"");
	}

	@Test
	void aKeyClaimedByAnotherTransactionWhileTheBatchRunsIsTheirsAndTheBatchsWorkIsRolledBack() {
		Idempotency.Claim claim = claim("raced", "{}");
		var raced = new AtomicBoolean();
		var runs = new AtomicInteger();

		Idempotency.Outcome<String> outcome = GroupCommit.await(groupCommit.submit("raced", claim, List.of(),
				() -> idempotency.once(claim, String.class, () -> {
					runs.incrementAndGet();
					if (raced.compareAndSet(false, true)) {
						// Another node answers the same key and commits between the batch's look-up and its commit.
						CompletableFuture.runAsync(() -> idempotency.once(claim("raced", "{}"), String.class, () -> "theirs"))
							.join();
					}
					return "mine";
				})));

		assertThat(outcome).isEqualTo(new Idempotency.Outcome<>("theirs", true));
		assertThat(runs).as("the batch's own attempt ran, and was rolled back").hasValue(1);
		assertThat(stored("raced")).containsExactly("\"theirs\"");
	}

	private Idempotency.Claim claim(String key, String body) {
		return idempotency.claim(programId, "test", key, idempotency.canonical(json.readTree(body)));
	}

	private List<String> stored(String key) {
		return jdbc.sql("select response from idempotency_record where program_id = ? and scope = 'test' and idem_key = ?")
			.params(programId, key)
			.query(String.class)
			.list();
	}
}
