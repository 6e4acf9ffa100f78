package io.philia.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.util.FileSystemUtils;

import io.philia.bench.load.HttpLoad;
import io.philia.support.AppProcess;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application under a bench, in its own JVM as production runs it (the extracted jar with its AOT cache, or
 * {@code java -jar target/philia.jar} without one): on PostgreSQL in production mode, on a fresh database created and dropped by
 * the bench; or on an H2 file database for the figures reported beside. {@link #openShop} gives a
 * programme, a store and its API key through the administration API.
 */
public final class BenchApp implements AutoCloseable {

	static final String ADMIN_KEY = "bench-admin-key-" + UUID.randomUUID();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AppProcess process;

	private final Postgres database;

	/** The H2 database's directory, deleted at the end as a PostgreSQL database is dropped; null on PostgreSQL. */
	private final Path h2Directory;

	private BenchApp(AppProcess process, Postgres database, Path h2Directory) {
		this.process = process;
		this.database = database;
		this.h2Directory = h2Directory;
	}

	/** A programme with one EUR store earning 10 points per 15.00 in whole steps, and its key. */
	public record Shop(String programId, String storeId, String key) {
	}

	/**
	 * @param properties Spring properties as {@code name=value}, for benches that compare settings
	 */
	public static BenchApp postgres(BenchRun run, String label, String... properties)
			throws IOException, InterruptedException, SQLException {
		Postgres database = Postgres.freshDatabase();
		try {
			var launch = AppProcess.Launch.postgres(database.jdbcUrl(), Postgres.user(), ADMIN_KEY);
			return new BenchApp(start(run, label, launch, properties), database, null);
		}
		catch (IOException | RuntimeException e) {
			database.close();
			throw e;
		}
	}

	public static BenchApp h2(BenchRun run, String label, String... properties)
			throws IOException, InterruptedException {
		Path directory = Files.createTempDirectory(run.workDir().toAbsolutePath(), "h2-");
		try {
			return new BenchApp(start(run, label, AppProcess.Launch.h2(directory, ADMIN_KEY), properties), null, directory);
		}
		catch (IOException | RuntimeException e) {
			FileSystemUtils.deleteRecursively(directory);
			throw e;
		}
	}

	private static AppProcess start(BenchRun run, String label, AppProcess.Launch launch, String... properties)
			throws IOException, InterruptedException {
		Path jar = Path.of("target", "philia.jar");
		Path extracted = Path.of("target", "app", "philia.jar");
		Path cache = Path.of("target", "app", "philia.aot");
		if (Files.exists(cache) && Files.exists(extracted)) {
			// As ./philia start runs it: the extracted jar with its AOT cache (./philia bench prepares both).
			launch.jar(extracted);
			launch.jvm("-XX:AOTCache=" + cache);
		}
		else if (Files.exists(jar)) {
			launch.jar(jar);
		}
		List<String> all = new ArrayList<>(List.of(properties));
		String extra = System.getenv("PHILIA_BENCH_APP_PROPERTIES");
		if (extra != null && !extra.isBlank()) {
			// Settings to compare, for every application a bench starts: "philia.group-commit.shards=16 ...".
			all.addAll(List.of(extra.trim().split("\\s+")));
		}
		for (String property : all) {
			int equals = property.indexOf('=');
			launch.property(property.substring(0, equals), property.substring(equals + 1));
		}
		String jvm = System.getenv("PHILIA_BENCH_APP_JVM");
		if (jvm != null && !jvm.isBlank()) {
			// JVM options to compare, for every application a bench starts: "-XX:+UseParallelGC ...".
			List.of(jvm.trim().split("\\s+")).forEach(launch::jvm);
		}
		launch.log(run.workDir().resolve(label + ".log"));
		// Each collection with its pause and the wall-clock time, to set beside an open loop's slow windows.
		launch.jvm("-Xlog:gc:file=" + run.workDir().toAbsolutePath().resolve(label + "-gc.log") + ":time");
		if ("1".equals(System.getenv("PHILIA_BENCH_JFR"))) {
			// A CPU profile of the server, written when it stops (JfrTop summarises it).
			launch.jvm("-XX:StartFlightRecording=filename=" + run.workDir().toAbsolutePath().resolve(label + ".jfr")
					+ ",settings=profile,dumponexit=true");
		}
		AppProcess process = launch.start();
		run.log("application (" + label + ") ready in " + process.startup().toMillis() + " ms, pid " + process.pid()
				+ ", log " + process.log());
		return process;
	}

	public AppProcess process() {
		return process;
	}

	/** The bench's PostgreSQL database; null on H2. */
	public Postgres database() {
		return database;
	}

	public HttpLoad load() {
		return new HttpLoad("127.0.0.1", process.port());
	}

	public double residentMegabytes() throws IOException {
		return process.residentBytes() / (1024.0 * 1024);
	}

	public Shop openShop() throws IOException, InterruptedException {
		String programId = admin("/api/v1/admin/programmes",
				"{\"name\": \"Bench " + UUID.randomUUID() + "\", \"timeZone\": \"Europe/Paris\", \"defaultLocale\": \"fr\"}")
			.get("id").asString();
		String storeId = admin("/api/v1/admin/programmes/" + programId + "/stores", """
				{"code": "main", "name": "Main", "currency": "EUR",
				 "earning": {"points": 10, "per": "15.00", "rounding": "steps"}}""").get("id").asString();
		String key = admin("/api/v1/admin/programmes/" + programId + "/stores/" + storeId + "/api-keys", "{}")
			.get("key").asString();
		return new Shop(programId, storeId, key);
	}

	/** A store API call outside the measured load (setting data up, checking it afterwards). */
	public JsonNode call(String key, String method, String path, String body) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(process.baseUrl() + path))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + key)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

	/**
	 * A counter of the server's Prometheus endpoint, summed over its series whose tags contain {@code tag}
	 * (such as {@code uri="/api/v1/events"}; empty for all); 0 if it has none (a setting such as
	 * {@code philia.jdbc.count-statements} turns some on).
	 */
	public double counter(String name, String tag) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(process.baseUrl() + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build();
		String text = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
		return text.lines()
			.filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{") && line.contains(tag))
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private JsonNode admin(String path, String body) throws IOException, InterruptedException {
		return call(ADMIN_KEY, "POST", path, body);
	}

	@Override
	public void close() throws InterruptedException, SQLException, IOException {
		try {
			process.close();
		}
		finally {
			if (database != null) {
				database.close();
			}
			if (h2Directory != null) {
				// Up to a gigabyte after an ingest bench.
				FileSystemUtils.deleteRecursively(h2Directory);
			}
		}
	}
}
