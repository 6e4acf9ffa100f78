package io.philia.bench;

import java.sql.SQLException;

/**
 * What the PostgreSQL server did between two readings of its counters: the WAL it wrote and the
 * checkpoints it began (the whole server's: the bench's database is the only busy one), and the buffer
 * pages the bench's database touched ({@code pg_statio_user_tables}: table and index pages, found in shared
 * buffers or read from the OS). Bytes and full-page images per event say whether the application makes
 * the database write more than pgbench's same writes do; checkpoints during an open loop line up with its
 * slow commits. Pages per event count the inserts' index descents and the reads ahead far more steadily
 * than CPU time does on a shared machine: a change to an index shows in them when it is under the CPU's
 * noise (BENCHMARKS.md, migration 35). The server takes in each backend's page counts at most once a
 * second, at the end of a transaction: over a loop of 20 s they are a few percent off, alike at both ends.
 */
final class DatabaseMeter {

	private final Postgres database;

	private final long[] start;

	private DatabaseMeter(Postgres database) throws SQLException {
		this.database = database;
		this.start = read(database);
	}

	static DatabaseMeter start(Postgres database) throws SQLException {
		return new DatabaseMeter(database);
	}

	/** What the server did since the start. */
	Reading since() throws SQLException {
		long[] end = read(database);
		long[] d = new long[end.length];
		for (int i = 0; i < end.length; i++) {
			d[i] = end[i] - start[i];
		}
		return new Reading(d[0], d[1], d[2], d[3], d[4], d[5], d[6]);
	}

	record Reading(long bytes, long fullPageImages, long checkpoints, long heapHit, long heapRead, long indexHit,
			long indexRead) {

		static final Reading NONE = new Reading(0, 0, 0, 0, 0, 0, 0);

		/** Both readings together: what several windows did between them. */
		Reading plus(Reading other) {
			return new Reading(bytes + other.bytes, fullPageImages + other.fullPageImages,
					checkpoints + other.checkpoints, heapHit + other.heapHit, heapRead + other.heapRead,
					indexHit + other.indexHit, indexRead + other.indexRead);
		}

		double bytesPer(double events) {
			return bytes / Math.max(1, events);
		}

		double fullPageImagesPer(double events) {
			return fullPageImages / Math.max(1, events);
		}

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
		try (var connection = database.connect(); var statement = connection.createStatement()) {
			long[] reading = new long[7];
			try (var wal = statement.executeQuery("select wal_bytes, wal_fpi from pg_stat_wal")) {
				wal.next();
				reading[0] = wal.getLong(1);
				reading[1] = wal.getLong(2);
			}
			// PostgreSQL 17 moved the checkpoints' counts from the background writer's view to their own.
			boolean own = connection.getMetaData().getDatabaseMajorVersion() >= 17;
			try (var checkpoints = statement.executeQuery(own
					? "select num_timed + num_requested from pg_stat_checkpointer"
					: "select checkpoints_timed + checkpoints_req from pg_stat_bgwriter")) {
				checkpoints.next();
				reading[2] = checkpoints.getLong(1);
			}
			try (var pages = statement.executeQuery("""
					select coalesce(sum(heap_blks_hit), 0), coalesce(sum(heap_blks_read), 0),
					  coalesce(sum(idx_blks_hit), 0), coalesce(sum(idx_blks_read), 0)
					from pg_statio_user_tables""")) {
				pages.next();
				for (int i = 0; i < 4; i++) {
					reading[3 + i] = pages.getLong(1 + i);
				}
			}
			return reading;
		}
	}
}
