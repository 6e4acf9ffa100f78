package io.philia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.philia.support.OnPostgres;

@OnPostgres
class LedgerStorageOnPostgresTest extends LedgerStorageContract {

	@Test
	void balancePagesKeepRoomForTheirRowsNextVersions() {
		var options = jdbc.sql("select array_to_string(reloptions, ',') from pg_class where relname = 'member_balance'")
			.query(String.class)
			.single();

		assertThat(options).isEqualTo("fillfactor=70");
	}

	@Test
	void theCorrectionsAndDueTimesIndexesLeaveOutTheNulls() {
		assertThat(indexDefinition("journal_entry_by_correction")).endsWith("WHERE (corrects_entry_id IS NOT NULL)");
		assertThat(indexDefinition("member_balance_due")).endsWith("WHERE (next_due_at IS NOT NULL)");
	}

	private String indexDefinition(String name) {
		return jdbc.sql("select indexdef from pg_indexes where indexname = ?").param(name).query(String.class).single();
	}
}
