package io.philia.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.philia.support.OnH2;

@OnH2
class LedgerStorageOnH2Test extends LedgerStorageContract {

	@Test
	void h2KeepsTheFullIndexes() {
		var indexes = jdbc.sql("""
				select index_name from information_schema.indexes
				where index_name in ('journal_entry_by_correction', 'member_balance_due')""")
			.query(String.class)
			.list();

		assertThat(indexes).containsExactlyInAnyOrder("journal_entry_by_correction", "member_balance_due");
	}
}
