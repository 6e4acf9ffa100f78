package io.philia.platform.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import io.philia.platform.jdbc.TableMaintenanceSettings.Mode;

/**
 * Planner statistics and dead rows of Philia's tables on a PostgreSQL server whose autovacuum is off, and
 * statistics that do not know a programme on any PostgreSQL server.
 *
 * <p>Why it matters: the JDBC driver keeps each statement prepared on its connection, and after five runs
 * PostgreSQL keeps a generic plan for it. A table that was never analyzed is planned as nearly empty, and
 * for {@code where program_id = ? and external_id = ?} an empty table makes the index on the programme
 * alone as good as the unique one: the plan made in the first seconds then scans every member of the
 * programme for each look-up, for as long as the connection lives. Autovacuum's analyze replaces such
 * plans within a minute; without it, the bench machine's server spent 11 ms of CPU per event after two
 * minutes of load instead of 0.6 ms (issue #3). This job does for Philia's tables what autovacuum would,
 * with its default thresholds: ANALYZE a table once the rows changed since its last analyze exceed 50 +
 * 10% of its rows, VACUUM (and analyze) it once its dead rows exceed 50 + 20%; as autovacuum, at most once
 * per naptime ({@code philia.postgres.maintenance-naptime}, 1 min) unless more rows changed than a quarter
 * of those its statistics count (or more died than it counts), and throttled by a cost delay
 * ({@code philia.postgres.maintenance-cost-delay}).
 *
 * <p>One thing autovacuum does not do, done whether it is on or off: analyze a table whose statistics do
 * not know a programme with many rows in it ({@link #UNSEEN_PROGRAMME_ROWS} or more), which PostgreSQL
 * would otherwise plan as one row until a tenth of the table has changed.
 *
 * <p>{@code philia.postgres.maintenance}: {@code auto} (the default) autovacuum's work only when the
 * server's autovacuum is off, {@code always}, {@code never} (nothing at all). It runs as a scheduled job
 * (one node at a time), every {@code philia.postgres.maintenance-every} (10 s: a fresh table's first plans
 * are replaced within seconds of its first rows). Nothing runs on H2.
 */
@Component
public class TableMaintenance {

	private static final Logger log = LoggerFactory.getLogger(TableMaintenance.class);

	static final String TASK = "table-maintenance";

	/** The fewest rows of a programme absent from a table's statistics that have the table analyzed. */
	static final long UNSEEN_PROGRAMME_ROWS = 1_000;

	/** How many programmes absent from a table's statistics a pass counts the rows of, at most. */
	static final int UNSEEN_PROGRAMMES_A_PASS = 20;

	/** What one pass did: the tables analyzed and those vacuumed (and analyzed). */
	public record Pass(List<String> analyzed, List<String> vacuumed) {

		boolean isEmpty() {
			return analyzed.isEmpty() && vacuumed.isEmpty();
		}
	}

	private final JdbcTemplate jdbc;

	private final TableMaintenanceSettings settings;

	private final boolean postgres;

	private final AtomicBoolean announced = new AtomicBoolean();

	/** Passes so far, to take the programmes absent from the statistics in turn. */
	private final AtomicLong passes = new AtomicLong();

	TableMaintenance(DataSource dataSource, TableMaintenanceSettings settings) {
		this.jdbc = new JdbcTemplate(dataSource);
		this.settings = settings;
		this.postgres = isPostgres(dataSource);
	}

	/** One pass over the tables of the current schema; nothing when maintenance is not wanted here. */
	public Pass run() {
		return run(() -> false);
	}

	/**
	 * As {@link #run()}, leaving the tables not yet reached once {@code stopping} says so: a pass throttled on
	 * a large database takes a minute or more, and a node that shuts down then waits for one statement
	 * only; the tables left are picked up by the next pass, here or on another node.
	 */
	Pass run(BooleanSupplier stopping) {
		if (!postgres || settings.maintenance() == Mode.NEVER) {
			return new Pass(List.of(), List.of());
		}
		List<String> analyzed = new ArrayList<>();
		List<String> vacuumed = new ArrayList<>();
		long naptime = settings.maintenanceNaptime().toMillis();
		if (wanted()) {
			byCounters(naptime, analyzed, vacuumed);
		}
		List<String> chosen = new ArrayList<>(analyzed);
		chosen.addAll(vacuumed);
		analyzed.addAll(withUnseenProgrammes(naptime, chosen));
		if (!vacuumed.isEmpty() || !analyzed.isEmpty()) {
			jdbc.execute((ConnectionCallback<Void>) connection -> {
				try (Statement statement = connection.createStatement()) {
					vacuumThenAnalyze(statement, vacuumed, analyzed, stopping);
				}
				return null;
			});
		}
		var pass = new Pass(analyzed, vacuumed);
		if (!pass.isEmpty()) {
			log.debug("Table maintenance: analyzed {}, vacuumed {}", analyzed, vacuumed);
		}
		return pass;
	}

	/** Autovacuum's work, by the tables' counters of changed and dead rows. */
	private void byCounters(long naptime, List<String> analyzed, List<String> vacuumed) {
		jdbc.query("""
				select s.relname, s.n_mod_since_analyze, s.n_dead_tup, c.reltuples,
				  extract(epoch from now() - greatest(s.last_analyze, s.last_autoanalyze)) * 1000,
				  extract(epoch from now() - greatest(s.last_vacuum, s.last_autovacuum)) * 1000
				from pg_stat_user_tables s join pg_class c on c.oid = s.relid
				where s.schemaname = current_schema()
				order by s.relname""", rs -> {
			String table = rs.getString(1);
			double rows = Math.max(0, rs.getDouble(4));
			long changed = rs.getLong(2);
			long dead = rs.getLong(3);
			// More rows changed than a quarter of what the statistics count (never analyzed: -1): the
			// table grew fast, and its plans may be those of a much smaller one, or of a table without
			// the programme now writing to it: at once. Else once per naptime. (Plans made for a few
			// thousand rows, kept while the tables grew fortyfold, took the database from 0.5 to 2.8 ms
			// per event; a programme absent from the statistics is planned as one row, and its look-ups
			// of a batch's keys then scan all its rows, 1.5 ms per event within a minute: issue #3.)
			if (dead > 50 + 0.2 * rows && (dead > rows || millisSince(rs, 6) >= naptime)) {
				vacuumed.add(table);
			}
			else if (changed > 50 + 0.1 * rows && (changed > rows / 4 || millisSince(rs, 5) >= naptime)) {
				analyzed.add(table);
			}
		});
	}

	/**
	 * The tables whose statistics do not know a programme that has many rows in them, analyzed at most once
	 * per naptime; whether autovacuum is on or off. Statistics whose common programmes count every row of
	 * a table make PostgreSQL plan any other programme as one row, and a look-up by (programme, key) then
	 * goes down an index on the programme with the key as a filter, through all of that programme's rows:
	 * a new programme in a database another one fills keeps such plans until autovacuum's 10% of the
	 * table has changed (issue #3). Only tables with an index that begins with {@code program_id}: their
	 * programmes are listed by a walk down it, one descent each, and counted up to the threshold.
	 */
	private List<String> withUnseenProgrammes(long naptime, List<String> chosen) {
		List<Seen> covered = new ArrayList<>();
		long pass = passes.getAndIncrement();
		jdbc.query("""
				select s.relname, c.reltuples, st.most_common_vals::text::text[],
				  extract(epoch from now() - greatest(s.last_analyze, s.last_autoanalyze)) * 1000, s.n_mod_since_analyze
				from pg_stat_user_tables s
				join pg_class c on c.oid = s.relid
				join pg_stats st on st.schemaname = s.schemaname and st.tablename = s.relname and st.attname = 'program_id'
				where s.schemaname = current_schema()
				  and st.null_frac + coalesce((select sum(f) from unnest(st.most_common_freqs) f), 0) >= 0.99
				  and exists (select 1 from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
				    where i.indrelid = s.relid and a.attname = 'program_id')
				order by s.relname""", rs -> {
			double rows = Math.max(0, rs.getDouble(2));
			// A programme the analyze did not sample has since written nearly all of its rows: fewer
			// changes than the threshold, nothing to look for.
			if (!chosen.contains(rs.getString(1)) && millisSince(rs, 4) >= naptime
					&& rs.getLong(5) >= unseenThreshold(rows)) {
				Array common = rs.getArray(3);
				covered.add(new Seen(rs.getString(1), rows,
						common == null ? List.of() : List.of((String[]) common.getArray())));
			}
		});
		List<String> tables = new ArrayList<>();
		for (Seen seen : covered) {
			try {
				if (hasUnseenProgramme(seen, pass)) {
					tables.add(seen.table());
				}
			}
			catch (DataAccessException e) {
				// A table dropped meanwhile, say: the others, and autovacuum's work, go on.
				log.warn("Could not look for programmes the statistics of {} do not count: {}", seen.table(), e.getMessage());
			}
		}
		return tables;
	}

	/** A table whose statistics' common programmes count all its rows: its rows and those programmes. */
	private record Seen(String table, double rows, List<String> programmes) {
	}

	/** Whether a programme absent from the table's statistics has the threshold of rows there. */
	private boolean hasUnseenProgramme(Seen seen, long pass) {
		String table = quoted(seen.table());
		long threshold = unseenThreshold(seen.rows());
		List<String> programmes = jdbc.queryForList("""
				with recursive p(id) as (
				  (select program_id from %1$s order by program_id limit 1)
				  union all
				  select (select program_id from %1$s where program_id > p.id order by program_id limit 1) from p
				  where p.id is not null)
				select id from p where id is not null""".formatted(table), String.class);
		List<String> unseen = programmes.stream().filter(programme -> !seen.programmes().contains(programme)).toList();
		// Many small programmes beside a few that fill the table: a few of them each pass, in turn.
		for (int i = 0; i < Math.min(unseen.size(), UNSEEN_PROGRAMMES_A_PASS); i++) {
			String programme = unseen.get((int) ((pass * UNSEEN_PROGRAMMES_A_PASS + i) % unseen.size()));
			if (jdbc.queryForObject(
					"select count(*) from (select 1 from " + table + " where program_id = ? limit ?) r", Long.class,
					programme, threshold) >= threshold) {
				log.info("Analyzing {}: programme {} has {} rows or more there that its statistics do not count",
						seen.table(), programme, threshold);
				return true;
			}
		}
		return false;
	}

	/**
	 * The rows of a programme absent from the statistics that have its table analyzed: enough to be sampled
	 * about ten times by an analyze of 30,000 rows (the default statistics target), which then counts the
	 * programme; fewer make a short scan.
	 */
	private static long unseenThreshold(double rows) {
		return Math.max(UNSEEN_PROGRAMME_ROWS, (long) (rows / 3_000));
	}

	/**
	 * The vacuums throttled as autovacuum's workers are (a manual VACUUM is not), then the analyzes, the
	 * vacuumed tables' too, at full speed. A vacuum reads the whole table, and on two cores an unthrottled
	 * one takes a core from the hot path for seconds; while it runs, the other transactions' dead rows can
	 * still be removed. An analyze reads a sample only, but holds a snapshot for all of its run, and until
	 * it ends no row version that dies after its start can be removed, not even from its page by HOT
	 * pruning: throttled, the analyzes of a busy minute held one for 5 to 9 s each, two thirds of the
	 * load's time, and the balance rows, rewritten at every earning, spilled onto new pages and into their
	 * indexes (issue #3). At full speed they take 0.3 to 0.6 s each. Outside a transaction (VACUUM cannot
	 * run in one); each statement takes only a lock that lets reads and writes of the table go on. The
	 * connection is the pool's: its settings are reset.
	 */
	private void vacuumThenAnalyze(Statement statement, List<String> vacuumed, List<String> analyzed,
			BooleanSupplier stopping) throws SQLException {
		statement.execute("set vacuum_cost_delay = " + settings.maintenanceCostDelay().toMillis());
		statement.execute("""
				select set_config('vacuum_cost_limit', current_setting('autovacuum_vacuum_cost_limit'), false)
				where current_setting('autovacuum_vacuum_cost_limit') <> '-1'""");
		try {
			each(statement, "vacuum ", vacuumed, stopping);
		}
		finally {
			statement.execute("reset vacuum_cost_delay");
			statement.execute("reset vacuum_cost_limit");
		}
		// A copy: a vacuumed table left unanalyzed by a stop was still vacuumed; the next pass analyzes it.
		each(statement, "analyze ", new ArrayList<>(vacuumed), stopping);
		each(statement, "analyze ", analyzed, stopping);
	}

	/** The command on each table until stopping; the tables not reached are taken off the list. */
	private static void each(Statement statement, String command, List<String> tables, BooleanSupplier stopping)
			throws SQLException {
		for (int i = 0; i < tables.size(); i++) {
			if (stopping.getAsBoolean()) {
				tables.subList(i, tables.size()).clear();
				return;
			}
			statement.execute(command + quoted(tables.get(i)));
		}
	}

	/** Milliseconds since the time in the column, or the longest time if it never happened. */
	private static long millisSince(ResultSet rs, int column) throws SQLException {
		double millis = rs.getDouble(column);
		return rs.wasNull() ? Long.MAX_VALUE : (long) millis;
	}

	private boolean wanted() {
		return switch (settings.maintenance()) {
			case NEVER -> false;
			case ALWAYS -> true;
			case AUTO -> {
				boolean off = "off".equals(jdbc.queryForObject("show autovacuum", String.class));
				if (off && announced.compareAndSet(false, true)) {
					log.warn("PostgreSQL's autovacuum is off: Philia analyzes and vacuums its tables itself "
							+ "(philia.postgres.maintenance=auto). Turn autovacuum on, or set philia.postgres.maintenance=always or never.");
				}
				yield off;
			}
		};
	}

	private static String quoted(String table) {
		return '"' + table.replace("\"", "\"\"") + '"';
	}

	private static boolean isPostgres(DataSource dataSource) {
		try (var connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException e) {
			// The database is down at start (then migrations fail and the application stops anyway).
			log.warn("Could not tell which database this is ({}); table maintenance is off until restart", e.getMessage());
			return false;
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> tableMaintenanceTask(TableMaintenance maintenance, TableMaintenanceSettings settings) {
			return Tasks.recurring(TASK, FixedDelay.of(settings.maintenanceEvery()))
				.execute((instance, context) -> maintenance.run(context.getSchedulerState()::isShuttingDown));
		}
	}
}
