package io.philia.ledger.internal;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 34, the ledger's storage on PostgreSQL (issue #3): what H2 cannot express, a fill factor and
 * partial indexes, in one migration for both databases as the others are. On H2 it changes nothing, and
 * the full indexes of V4 and V20 stay. Written in Java only for that choice; the SQL is below, and its
 * hash is the checksum Flyway validates, so an edit of an applied migration is refused as for the SQL
 * ones.
 *
 * <p>Why: every earning rewrites its member's balance row. With room left on each page, the new version
 * can stay on the same page (a HOT update), with no new entry in the table's indexes and no dead one for
 * the look-ups by key to step over (on the ingest bench, 98% of the updates once no long snapshot holds
 * back the page's pruning: see {@code TableMaintenance}). Only a few entries correct another, and only
 * members with points pending or expiring have a due time: the look-ups ({@code corrects_entry_id = ?},
 * {@code next_due_at <= ?}) never ask for the nulls, and the indexes no longer take one per earning. On
 * the ingest bench, the database's CPU per event fell from 330 to 182-199 µs (BENCHMARKS.md).
 */
@Component
class LedgerStorage implements JavaMigration {

	private static final List<String> ON_POSTGRES = List.of(
			// Applies to the pages filled from now on; a table rewrite is not worth a migration's lock.
			"alter table member_balance set (fillfactor = 70)",
			"drop index journal_entry_by_correction",
			"""
					create index journal_entry_by_correction on journal_entry (program_id, corrects_entry_id)
					where corrects_entry_id is not null""",
			"drop index member_balance_due",
			"""
					create index member_balance_due on member_balance (program_id, next_due_at)
					where next_due_at is not null""");

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("34");
	}

	@Override
	public String getDescription() {
		return "ledger storage on PostgreSQL";
	}

	@Override
	public Integer getChecksum() {
		return ON_POSTGRES.hashCode();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		if (!connection.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
			return;
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : ON_POSTGRES) {
				statement.execute(sql);
			}
		}
	}
}
