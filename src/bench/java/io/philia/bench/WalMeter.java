package io.philia.bench;

import java.sql.SQLException;

/**
 * What the PostgreSQL server wrote to its WAL between two readings of its counters, and how many
 * checkpoints it began: the whole server's (the bench's database is the only busy one). Bytes and full-page
 * images per event say whether the application makes the database write more than pgbench's same writes
 * do; checkpoints during an open loop line up with its slow commits.
 */
final class WalMeter {

	private final Postgres database;

	private final long[] start;

	private WalMeter(Postgres database) throws SQLException {
		this.database = database;
		this.start = read(database);
	}

	static WalMeter start(Postgres database) throws SQLException {
		return new WalMeter(database);
	}

	/** WAL bytes, full-page images and checkpoints since the start. */
	Reading since() throws SQLException {
		long[] end = read(database);
		return new Reading(end[0] - start[0], end[1] - start[1], end[2] - start[2]);
	}

	record Reading(long bytes, long fullPageImages, long checkpoints) {

		double bytesPer(double events) {
			return bytes / Math.max(1, events);
		}

		double fullPageImagesPer(double events) {
			return fullPageImages / Math.max(1, events);
		}
	}

	private static long[] read(Postgres database) throws SQLException {
		try (var connection = database.connect(); var statement = connection.createStatement()) {
			long[] reading = new long[3];
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
			return reading;
		}
	}
}
