package io.philia.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The PostgreSQL server benches run against (PHILIA_BENCH_PG_HOST, _PORT, _USER; default
 * 127.0.0.1:5432, postgres, trust authentication), and the fresh database each bench creates and drops,
 * as {@code ./philia test postgres} does.
 */
public final class Postgres implements AutoCloseable {

	private final String database;

	private Postgres(String database) {
		this.database = database;
	}

	public static String host() {
		return env("PHILIA_BENCH_PG_HOST", "127.0.0.1");
	}

	public static int port() {
		return Integer.parseInt(env("PHILIA_BENCH_PG_PORT", "5432"));
	}

	public static String user() {
		return env("PHILIA_BENCH_PG_USER", "postgres");
	}

	static String serverUrl(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	/** Creates {@code philia_bench_<time>}; {@link #close()} drops it. */
	public static Postgres freshDatabase() throws SQLException {
		String name = "philia_bench_" + Instant.now().toEpochMilli();
		try (var admin = DriverManager.getConnection(serverUrl("postgres"), user(), "")) {
			admin.createStatement().execute("create database " + name);
		}
		return new Postgres(name);
	}

	public String database() {
		return database;
	}

	/** The JDBC URL the application is given (batched inserts rewritten into multi-row ones). */
	public String jdbcUrl() {
		return serverUrl(database) + "?reWriteBatchedInserts=true";
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(serverUrl(database), user(), "");
	}

	@Override
	public void close() throws SQLException {
		try (var admin = DriverManager.getConnection(serverUrl("postgres"), user(), "")) {
			admin.createStatement().execute("drop database if exists " + database + " with (force)");
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}
}
