package io.philia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.support.HttpTest;

/**
 * Migration 34 ({@link LedgerStorage}) is a Java migration found as a bean: it is applied on both databases,
 * so that the next migration is 35 on either, and what it does is PostgreSQL's alone.
 */
abstract class LedgerStorageContract extends HttpTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void migrationThirtyFourIsAppliedAfterThirtyThree() {
		var applied = jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list();

		assertThat(applied).containsSubsequence("33", "34");
	}
}
