package io.philia.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application in a JVM of its own, as an operator runs it: for benchmarks (start-up time, memory, load
 * from outside the server's process) and for tests that kill the server with SIGKILL in the middle of a
 * load run. Its output goes to a log file, so that a full pipe never stalls it.
 */
public final class AppProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private final Duration startup;

	private AppProcess(Process process, int port, Path log, Duration startup) {
		this.process = process;
		this.port = port;
		this.log = log;
		this.startup = startup;
	}

	/** How to start it: JVM options, Spring properties (as command-line arguments) and environment. */
	public static final class Launch {

		private final List<String> jvm = new ArrayList<>();

		private final Map<String, String> properties = new LinkedHashMap<>();

		private final Map<String, String> environment = new LinkedHashMap<>();

		private Path jar;

		private int port;

		private Path log;

		/** Runs {@code java -jar} on this jar (production's way) instead of this JVM's class path. */
		public Launch jar(Path jar) {
			this.jar = jar;
			return this;
		}

		public Launch jvm(String option) {
			jvm.add(option);
			return this;
		}

		public Launch property(String name, String value) {
			properties.put(name, value);
			return this;
		}

		public Launch env(String name, String value) {
			environment.put(name, value);
			return this;
		}

		/** A fixed port (to restart on the same one); a free port is chosen otherwise. */
		public Launch port(int port) {
			this.port = port;
			return this;
		}

		public Launch log(Path log) {
			this.log = log;
			return this;
		}

		/** On PostgreSQL, in production mode (the prod profile), with this admin key. */
		public static Launch postgres(String jdbcUrl, String user, String adminKey) {
			return new Launch().property("spring.profiles.active", "prod")
				.env("PHILIA_DB_URL", jdbcUrl)
				.env("PHILIA_DB_USER", user)
				.env("PHILIA_ADMIN_KEY", adminKey);
		}

		/**
		 * On an H2 file database in this directory, with the production settings otherwise (production mode
		 * itself refuses H2: its figures are reported beside, never as production's).
		 */
		public static Launch h2(Path directory, String adminKey) {
			return new Launch()
				.property("spring.datasource.url", "jdbc:h2:file:" + directory.toAbsolutePath().resolve("philia")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64")
				.property("spring.datasource.username", "sa")
				.env("PHILIA_ADMIN_KEY", adminKey);
		}

		public AppProcess start() throws IOException, InterruptedException {
			int chosen = port != 0 ? port : freePort();
			Path logFile = log != null ? log : Files.createTempFile("philia-app-", ".log");
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(jvm);
			if (jar != null) {
				command.add("-jar");
				command.add(jar.toString());
			}
			else {
				command.add("-cp");
				command.add(System.getProperty("java.class.path"));
				command.add("io.philia.PhiliaApplication");
			}
			command.add("--server.port=" + chosen);
			properties.forEach((name, value) -> command.add("--" + name + "=" + value));
			var builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
			builder.environment().putAll(environment);
			long started = System.nanoTime();
			Process process = builder.start();
			var app = new AppProcess(process, chosen, logFile, null);
			app.awaitReady(Duration.ofSeconds(120));
			return new AppProcess(process, chosen, logFile, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	public int port() {
		return port;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port;
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	/** From the process's start to the first answer "ready" of its readiness probe. */
	public Duration startup() {
		return startup;
	}

	public boolean isAlive() {
		return process.isAlive();
	}

	/** Resident memory of the process, in bytes, from /proc (Linux). */
	public long residentBytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
			}
		}
		throw new IOException("no VmRSS for process " + pid());
	}

	/** SIGKILL: no shutdown hook, no graceful drain, whatever was in flight is cut. */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private void awaitReady(Duration limit) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		var probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IOException("the application exited with " + process.exitValue() + " while starting; see " + log);
			}
			try {
				if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(50);
		}
		process.destroyForcibly();
		throw new IOException("the application was not ready within " + limit + "; see " + log);
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}
}
