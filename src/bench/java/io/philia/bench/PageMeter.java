package io.philia.bench;

import java.sql.SQLException;

/**
 * The buffer pages the bench's database touched between two readings of its statistics
 * ({@code pg_statio_user_tables}): table pages and index pages, found in shared buffers or read from the
 * OS. Per event, they count the work of the inserts' index descents and the reads ahead far more steadily
 * than CPU time does on a shared machine: a change to an index shows in them when it is under the CPU's
 * noise (BENCHMARKS.md, migration 35). The server flushes each backend's counts at most once a second, at
 * the end of a transaction; the counts of a loop of 20 s are then a few percent off, alike in both readings.
 */
final class PageMeter {

	private final Postgres database;

	private final long[] start;

	private PageMeter(Postgres database) throws SQLException {
		this.database = database;
		this.start = read(database);
	}

	static PageMeter start(Postgres database) throws SQLException {
		return new PageMeter(database);
	}

	/** Pages touched since the start. */
	Reading since() throws SQLException {
		long[] end = read(database);
		return new Reading(end[0] - start[0], end[1] - start[1], end[2] - start[2], end[3] - start[3]);
	}

	record Reading(long heapHit, long heapRead, long indexHit, long indexRead) {

		double heapPagesPer(double events) {
			return (heapHit + heapRead) / Math.max(1, events);
		}

		double indexPagesPer(double events) {
			return (indexHit + indexRead) / Math.max(1, events);
		}

		/** Pages not in shared buffers, read from the OS (its page cache, or the disk). */
		double osReadsPer(double events) {
			return (heapRead + indexRead) / Math.max(1, events);
		}
	}

	private static long[] read(Postgres database) throws SQLException {
		// A connection of its own each time: a transaction would see the statistics as at its first reading.
		try (var connection = database.connect(); var statement = connection.createStatement();
				var pages = statement.executeQuery("""
						select coalesce(sum(heap_blks_hit), 0), coalesce(sum(heap_blks_read), 0),
						  coalesce(sum(idx_blks_hit), 0), coalesce(sum(idx_blks_read), 0)
						from pg_statio_user_tables""")) {
			pages.next();
			return new long[] { pages.getLong(1), pages.getLong(2), pages.getLong(3), pages.getLong(4) };
		}
	}
}
