package io.philia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/** What the figures were measured on: cores, memory, CPU model, JDK, PostgreSQL. */
record Machine(int cores, long memoryBytes, String cpu, String jdk, String postgres) {

	static Machine describe() {
		return new Machine(Runtime.getRuntime().availableProcessors(), memoryTotal(), cpuModel(),
				Runtime.version() + " (" + System.getProperty("java.vendor") + ")", postgresVersion());
	}

	String line() {
		return "%d cores, %.1f GiB, %s, JDK %s, PostgreSQL %s".formatted(cores, memoryBytes / (1024.0 * 1024 * 1024),
				cpu, jdk, postgres);
	}

	private static long memoryTotal() {
		return procLine("/proc/meminfo", "MemTotal:").map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
			.orElse(-1L);
	}

	private static String cpuModel() {
		return procLine("/proc/cpuinfo", "model name").map(l -> l.substring(l.indexOf(':') + 1).trim())
			.orElse(System.getProperty("os.arch"));
	}

	private static Optional<String> procLine(String file, String prefix) {
		try {
			return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix)).findFirst();
		}
		catch (IOException e) {
			return Optional.empty();
		}
	}

	private static String postgresVersion() {
		try (var connection = DriverManager.getConnection(Postgres.serverUrl("postgres"), Postgres.user(), "");
				var result = connection.createStatement().executeQuery("show server_version")) {
			result.next();
			return result.getString(1);
		}
		catch (SQLException e) {
			return "not reachable (" + e.getMessage() + ")";
		}
	}
}
