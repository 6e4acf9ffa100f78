package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.support.HttpTest;

/**
 * Deferred writes go out at the commit as they were deferred: every row, in the order their statements
 * were first deferred (an update after the insert it changes), nulls as nulls; and a write that fails
 * rolls the whole transaction back, the writes sent before it included.
 */
abstract class WriteBehindContract extends HttpTest {

	private static final String INSERT = """
			insert into idempotency_record (program_id, scope, idem_key, fingerprint, response, created_at)
			values (?, ?, ?, ?, ?, ?)""";

	private static final String INSERT_IF_NEW = INSERT + " on conflict do nothing";

	private static final String UPDATE = "update idempotency_record set response = ? where program_id = ? and scope = ? and idem_key = ?";

	@Autowired
	WriteBehind writes;

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcClient jdbc;

	private final String programId = UUID.randomUUID().toString();

	private final OffsetDateTime now = OffsetDateTime.of(2026, 12, 2, 1, 0, 0, 0, ZoneOffset.UTC);

	@Test
	void everyRowGoesOutInTheOrderItsStatementWasDeferred() {
		// More parameters than one PostgreSQL statement may have (65,535, six a row): the batch is split.
		int rows = 65_535 / 6 + 7;
		transactions.inTransaction(() -> {
			for (int i = 0; i < rows; i++) {
				writes.defer(INSERT, programId, "many", "key-" + i, "f", "first " + i, now);
			}
			writes.defer(UPDATE, "changed", programId, "many", "key-3");
			writes.defer(UPDATE, null, programId, "many", "key-4");
			writes.defer(INSERT_IF_NEW, programId, "many", "key-5", "f", "ignored", now);
			writes.defer(INSERT_IF_NEW, programId, "many", "new", "f", null, now);
			writes.defer(INSERT, programId, "other", "key-0", "f", "other scope", now);
			return null;
		});

		assertThat(count("many")).isEqualTo(rows + 1);
		assertThat(count("other")).isOne();
		assertThat(response("many", "key-0")).isEqualTo("first 0");
		assertThat(response("many", "key-" + (rows - 1))).isEqualTo("first " + (rows - 1));
		assertThat(response("many", "key-3")).as("the update came after its insert").isEqualTo("changed");
		assertThat(response("many", "key-4")).isNull();
		assertThat(response("many", "key-5")).as("on conflict do nothing kept the first").isEqualTo("first 5");
		assertThat(response("many", "new")).isNull();
		assertThat(jdbc.sql("select created_at from idempotency_record where program_id = ? and idem_key = 'new'")
			.param(programId)
			.query(OffsetDateTime.class)
			.single()).isAtSameInstantAs(now);
	}

	@Test
	void aWriteThatFailsRollsBackEveryOther() {
		transactions.inTransaction(() -> {
			writes.defer(INSERT, programId, "held", "taken", "f", "first", now);
			return null;
		});

		assertThatThrownBy(() -> transactions.inTransaction(() -> {
			writes.defer(INSERT, programId, "lost", "a", "f", "a", now);
			writes.defer(UPDATE, "overwritten", programId, "held", "taken");
			writes.defer(INSERT, programId, "held", "taken", "f", "again", now);
			writes.defer(INSERT_IF_NEW, programId, "lost", "b", "f", "b", now);
			return null;
		})).isInstanceOf(DuplicateKeyException.class);

		assertThat(count("lost")).isZero();
		assertThat(response("held", "taken")).isEqualTo("first");
	}

	private int count(String scope) {
		return jdbc.sql("select count(*) from idempotency_record where program_id = ? and scope = ?")
			.params(programId, scope)
			.query(Integer.class)
			.single();
	}

	private String response(String scope, String key) {
		return jdbc.sql("select response from idempotency_record where program_id = ? and scope = ? and idem_key = ?")
			.params(programId, scope, key)
			.query(String.class)
			.optional()
			.orElse(null);
	}
}
