package io.philia.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.philia.platform.jdbc.TableMaintenanceSettings.Mode;
import io.philia.support.OnPostgres;

/**
 * On a server without autovacuum (the test server's), a table's first generic plan survives as long as
 * the connection that prepared it, even once the table has grown; the maintenance pass analyzes the
 * table and PostgreSQL replans. A table shaped like {@code member}: an index on the programme alone and a
 * unique one on (programme, key).
 */
@OnPostgres
class TableMaintenanceOnPostgresTest {

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(
			System.getenv().getOrDefault("PHILIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/philia_test"),
			System.getenv().getOrDefault("PHILIA_TEST_PG_USER", "postgres"),
			System.getenv().getOrDefault("PHILIA_TEST_PG_PASSWORD", ""));

	private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

	private final String table = "maintenance_probe_" + UUID.randomUUID().toString().substring(0, 8);

	private final TableMaintenance maintenance = new TableMaintenance(dataSource,
			new TableMaintenanceSettings(Mode.ALWAYS, null, null, null));

	private final TableMaintenance noNaptime = new TableMaintenance(dataSource,
			new TableMaintenanceSettings(Mode.ALWAYS, null, Duration.ZERO, null));

	@BeforeEach
	void createTable() {
		jdbc.execute("create table " + table + " (program_id varchar(36) not null, id varchar(36) primary key, "
				+ "member_key varchar(100) not null, unique (program_id, member_key))");
		jdbc.execute("create index " + table + "_by_programme on " + table + " (program_id, id)");
	}

	@AfterEach
	void dropTable() {
		jdbc.execute("drop table if exists " + table);
	}

	@Test
	void aPlanMadeWhileTheTableWasEmptyIsReplacedOnceTheTableIsAnalyzed() throws SQLException {
		try (Connection connection = dataSource.getConnection();
				var statement = connection.createStatement()) {
			statement.execute("set plan_cache_mode = force_generic_plan");
			statement.execute("prepare look_up(varchar, varchar) as select id from " + table
					+ " where program_id = $1 and member_key = $2");
			// Empty and never analyzed: the index on the programme alone is as good as the unique one.
			assertThat(plan(statement)).contains(table + "_by_programme");

			insertCounted(5_000, 0);
			TableMaintenance.Pass pass = maintenance.run();

			assertThat(pass.analyzed()).contains(table);
			// The same prepared statement on the same connection, as the JDBC driver keeps it: replanned.
			assertThat(plan(statement)).contains(table + "_program_id_member_key_key").doesNotContain("_by_programme");
		}
	}

	@Test
	void aTableIsAnalyzedPastAutovacuumsThresholdsAndVacuumedWhenItHasDeadRows() {
		insertCounted(1_000, 0);
		assertThat(maintenance.run().analyzed()).contains(table);
		assertThat(reltuples()).isEqualTo(1_000);

		// 100 more rows: under 50 + 10% of 1,000 changed since the analyze, nothing to do.
		insertCounted(100, 1_000);
		TableMaintenance.Pass quiet = maintenance.run();
		assertThat(quiet.analyzed()).doesNotContain(table);
		assertThat(quiet.vacuumed()).doesNotContain(table);

		// 600 rows deleted: dead rows past 50 + 20% of the rows, vacuumed, then analyzed (a statement of its own).
		jdbc.update("delete from " + table + " where id in (select id from " + table + " order by id limit 600)");
		awaitCounters(() -> deadRows() >= 600);
		assertThat(maintenance.run().vacuumed()).contains(table);
		awaitCounters(() -> deadRows() == 0 && modifiedSinceAnalyze() == 0);
		assertThat(reltuples()).isEqualTo(500);
	}

	@Test
	void aTableIsAnalyzedAgainOnlyAfterTheNaptime() {
		insertCounted(2_000, 0);
		assertThat(maintenance.run().analyzed()).as("never analyzed").contains(table);

		// Past the threshold again (50 + 10% of 2,000) but under a quarter of its rows, a second after its analyze.
		insertCounted(400, 2_000);
		assertThat(maintenance.run().analyzed()).as("within autovacuum's naptime of a minute").doesNotContain(table);
		assertThat(noNaptime.run().analyzed()).contains(table);
	}

	@Test
	void aTableThatGrewByMoreThanAQuarterIsAnalyzedAgainAtOnce() {
		insertCounted(1_000, 0);
		assertThat(maintenance.run().analyzed()).contains(table);

		// Its plans are those of a table of 1,000 rows, and 300 more came: analyzed again now, within the naptime.
		insertCounted(300, 1_000);
		assertThat(maintenance.run().analyzed()).contains(table);
		assertThat(reltuples()).isEqualTo(1_300);
	}

	@Test
	void aProgrammeThatStartedAfterTheAnalyzeHasItsBatchLookUpsOnTheIndexOnceItGrewByAQuarter() throws SQLException {
		insertCounted(4_000, 0);
		assertThat(maintenance.run().analyzed()).contains(table);

		// A second programme writes 1,200 rows within the naptime. Until the next analyze the statistics
		// have never seen it, and PostgreSQL plans its rows as one: a batch's keys then go as a filter over
		// all of the programme's rows instead of down the unique index, slower with every row it writes.
		insert("p-2", 1_200, 0);
		awaitCounters(() -> modifiedSinceAnalyze() >= 1_200);
		String stale = batchLookUpPlan();
		assertThat(maintenance.run().analyzed()).contains(table);

		assertThat(batchLookUpPlan()).as("after the analyze; before it:\n" + stale)
			.containsPattern("Index Cond: .*member_key.* = ANY");
	}

	@Test
	void aProgrammeTheStatisticsDoNotCountHasTheTableAnalyzedBelowAutovacuumsThreshold() throws SQLException {
		// 1,500 rows of a second programme: under autovacuum's 50 + 10% of the table, which would keep its
		// one-row plans until 4,000 rows changed; past the 1,000 rows of a programme the statistics miss.
		analyzedWithASecondProgramme(1_500);
		assertThat(noNaptime.run().analyzed()).contains(table);

		assertThat(batchLookUpPlan()).containsPattern("Index Cond: .*member_key.* = ANY");
		assertThat(noNaptime.run().analyzed()).as("once the statistics count it").doesNotContain(table);
	}

	@Test
	void aFewRowsOfAProgrammeTheStatisticsDoNotCountAreNoReasonToAnalyze() {
		analyzedWithASecondProgramme(500);
		assertThat(noNaptime.run().analyzed()).doesNotContain(table);
	}

	@Test
	void aGrowingProgrammeAmongManySmallOnesTheStatisticsDoNotCountIsFoundWithinAFewPasses() {
		insertCounted(40_000, 0);
		assertThat(noNaptime.run().analyzed()).contains(table);

		// 22 small programmes and a growing one that sorts after them: a pass counts the rows of 20.
		for (int p = 0; p < 22; p++) {
			insert("q-%02d".formatted(p), 40, 0);
		}
		insert("z-growing", 1_500, 0);
		awaitCounters(() -> modifiedSinceAnalyze() >= 22 * 40 + 1_500);

		boolean analyzed = noNaptime.run().analyzed().contains(table) || noNaptime.run().analyzed().contains(table);
		assertThat(analyzed).as("within two passes").isTrue();
	}

	@Test
	void aTableTheLookCannotCountInLeavesTheOthersToIt() {
		// Programmes as integers: counting one's rows by a text id fails there, and only there. Its name
		// sorts first, as the tables are looked at in order.
		String odd = table.replace("maintenance_probe_", "maintenance_odd_");
		try {
			jdbc.execute("create table " + odd + " (program_id integer not null, id integer primary key)");
			jdbc.execute("create index " + odd + "_by_programme on " + odd + " (program_id, id)");
			jdbc.update("insert into " + odd + " select 1, i from generate_series(1, 40000) i");
			analyzedWithASecondProgramme(1_500);
			jdbc.update("insert into " + odd + " select 2, i from generate_series(40001, 41500) i");
			awaitCounters(() -> counter(odd, "n_mod_since_analyze") >= 1_500);

			assertThat(noNaptime.run().analyzed()).contains(table);
		}
		finally {
			jdbc.execute("drop table if exists " + odd);
		}
	}

	/** 40,000 rows of one programme, analyzed; then rows of a second one, counted but not analyzed. */
	private void analyzedWithASecondProgramme(int rows) {
		insertCounted(40_000, 0);
		assertThat(noNaptime.run().analyzed()).contains(table);
		insert("p-2", rows, 0);
		awaitCounters(() -> modifiedSinceAnalyze() >= rows);
	}

	/** The plan of a look-up of 16 of the second programme's keys, as a micro-batch's read ahead sends it. */
	private String batchLookUpPlan() throws SQLException {
		String keys = java.util.stream.IntStream.range(0, 16).mapToObj(i -> "'k-" + i * 70 + "'")
			.collect(java.util.stream.Collectors.joining(", "));
		try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
				var rows = statement.executeQuery("explain select id from " + table
						+ " where program_id = 'p-2' and member_key in (" + keys + ")")) {
			var plan = new StringBuilder();
			while (rows.next()) {
				plan.append(rows.getString(1)).append('\n');
			}
			return plan.toString();
		}
	}

	@Test
	void aPassStoppedBeforeATableLeavesItToTheNextPass() {
		insertCounted(1_000, 0);

		TableMaintenance.Pass stopped = maintenance.run(() -> true);

		assertThat(stopped.analyzed()).isEmpty();
		assertThat(modifiedSinceAnalyze()).isGreaterThanOrEqualTo(1_000);
		assertThat(maintenance.run().analyzed()).contains(table);
	}

	@Test
	void neverMeansNothingRunsWhateverTheCounters() {
		insertCounted(1_000, 0);
		var never = new TableMaintenance(dataSource, new TableMaintenanceSettings(Mode.NEVER, null, null, null));

		TableMaintenance.Pass pass = never.run();

		assertThat(pass.analyzed()).isEmpty();
		assertThat(pass.vacuumed()).isEmpty();
		assertThat(modifiedSinceAnalyze()).isGreaterThanOrEqualTo(1_000);
	}

	private static String plan(java.sql.Statement statement) throws SQLException {
		var plan = new StringBuilder();
		try (var rows = statement.executeQuery("explain execute look_up('p-1', 'k-1')")) {
			while (rows.next()) {
				plan.append(rows.getString(1)).append('\n');
			}
		}
		return plan.toString();
	}

	private void insert(int count, int from) {
		insert("p-1", count, from);
	}

	private void insert(String programId, int count, int from) {
		List<Object[]> rows = new java.util.ArrayList<>();
		for (int i = from; i < from + count; i++) {
			rows.add(new Object[] { programId, programId + "-" + "%08d".formatted(i), "k-" + i });
		}
		jdbc.batchUpdate("insert into " + table + " (program_id, id, member_key) values (?, ?, ?)", rows);
	}

	/** Inserts the rows and waits until the statistics collector counts them as changed since the analyze. */
	private void insertCounted(int count, int from) {
		insert(count, from);
		awaitCounters(() -> modifiedSinceAnalyze() >= count);
	}

	/** The rows PostgreSQL's statistics count, as its last analyze or vacuum left them. */
	private double reltuples() {
		return jdbc.queryForObject("select reltuples from pg_class where relname = ?", Double.class, table);
	}

	private long modifiedSinceAnalyze() {
		return counter("n_mod_since_analyze");
	}

	private long deadRows() {
		return counter("n_dead_tup");
	}

	private long counter(String column) {
		return counter(table, column);
	}

	private long counter(String relation, String column) {
		Long value = jdbc.queryForObject("select " + column.toLowerCase(Locale.ROOT)
				+ " from pg_stat_user_tables where relname = ?", Long.class, relation);
		return value == null ? 0 : value;
	}

	/** A backend reports its table counters when it goes idle or ends, a moment after the statement. */
	private static void awaitCounters(BooleanSupplier reported) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!reported.getAsBoolean()) {
			assertThat(Instant.now()).as("table counters reported within 30 s").isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
