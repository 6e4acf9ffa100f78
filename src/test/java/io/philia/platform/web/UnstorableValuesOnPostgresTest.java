package io.philia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.support.HttpTest;
import io.philia.support.OnPostgres;

/**
 * What PostgreSQL itself answers for values the edge refuses first (and the SQLSTATEs the safety net in
 * {@link ProblemHandling} reads): a 400, where a unique violation stays a 409.
 */
@OnPostgres
class UnstorableValuesOnPostgresTest extends HttpTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProblemHandling handling;

	@Test
	void textWithUPlus0000IsA400() {
		assertAnswered(catchException(() -> jdbc.sql("select cast(? as text)").param("a\u0000b").query(String.class).single()),
				400);
	}

	@Test
	void aTimeBeyondTheTimestampRangeIsA400() {
		assertAnswered(catchException(() -> jdbc.sql("select cast(? as timestamptz)").param("300000-01-01 00:00:00+00")
			.query(String.class)
			.single()), 400);
	}

	@Test
	void aNumberBeyondTheColumnsRangeIsA400() {
		assertAnswered(catchException(() -> jdbc.sql("select cast(? as smallint)").param(100_000).query(Integer.class).single()),
				400);
	}

	@Test
	void aUniqueViolationStaysA409() {
		// A table of its own: statements outside a transaction may each take another pooled connection.
		jdbc.sql("create table if not exists unstorable_values_once (k text primary key)").update();
		try {
			jdbc.sql("insert into unstorable_values_once values ('a')").update();

			assertAnswered(catchException(() -> jdbc.sql("insert into unstorable_values_once values ('a')").update()), 409);
		}
		finally {
			jdbc.sql("drop table unstorable_values_once").update();
		}
	}

	private void assertAnswered(Exception failure, int status) {
		assertThat(failure).isNotNull();
		assertThat(handling.answerTo(failure).getStatusCode().value()).as(failure.toString()).isEqualTo(status);
	}
}
