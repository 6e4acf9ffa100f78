package io.philia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

/**
 * The database's own limit for the writes of one event, measured by pgbench on the bench's database with
 * the application's tables (Flyway made them): per event, what {@code EventIngestion} and
 * {@code PointsLedger} do for an order.paid of a known member: claim the idempotency key, find the member,
 * insert the order and its lines (3, about the average), create-if-needed and lock the balance row, insert
 * the journal entry, its two postings and the lot of points it credits, update the balance, link the order
 * to its entry, record the inbound event, store the answer under the key. Prepared statements, as the JDBC driver does.
 */
final class Pgbench {

	static final String PROGRAMME = "pgbench";

	static final int MEMBERS = 10_000;

	private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

	private final Postgres database;

	private final Path workDir;

	Pgbench(Postgres database, Path workDir) {
		this.database = database;
		this.workDir = workDir;
	}

	/** Members and balances of the pgbench programme, apart from the application's own data. */
	void prepare() throws SQLException {
		try (var connection = database.connect(); var statement = connection.createStatement()) {
			statement.execute("""
					insert into member (id, program_id, external_id, email, email_key, first_name, locale, consents,
					  attributes, enrolled_at, updated_at)
					select 'pgm-' || i, '%1$s', 'C-' || i, 'c' || i || '@example.com', 'c' || i || '@example.com', 'Anne',
					  'fr', '{}', '{}', now(), now()
					from generate_series(1, %2$d) as i on conflict do nothing""".formatted(PROGRAMME, MEMBERS));
			statement.execute("""
					insert into member_balance (program_id, member_id, available, pending, lifetime_earned, updated_at)
					select '%1$s', 'pgm-' || i, 0, 0, 0, now() from generate_series(1, %2$d) as i
					on conflict do nothing""".formatted(PROGRAMME, MEMBERS));
			statement.execute("analyze");
		}
	}

	/** Events per second with {@code eventsPerTransaction} events in each transaction. */
	double eventsPerSecond(int clients, int eventsPerTransaction, Duration duration)
			throws IOException, InterruptedException {
		String output = run(clients, eventsPerTransaction, duration, List.of(), "");
		var tps = TPS.matcher(output);
		if (!tps.find()) {
			throw new IOException("no tps in pgbench's output: " + output);
		}
		return Double.parseDouble(tps.group(1)) * eventsPerTransaction;
	}

	/**
	 * The database's own tail: one event per transaction at a fixed rate ({@code --rate}, an open loop),
	 * each transaction's latency from its scheduled start (pgbench counts it so under a rate: a
	 * transaction that waited for a free client waited in the latency), from pgbench's log of every
	 * transaction. The latencies in microseconds.
	 */
	Histogram latencyAtRate(int clients, double eventsPerSecond, Duration duration)
			throws IOException, InterruptedException {
		String prefix = "pgbench-open";
		for (Path log : logs(prefix)) {
			Files.delete(log);
		}
		run(clients, 1, duration, List.of("-R", String.format(Locale.ROOT, "%.1f", eventsPerSecond), "--log",
				"--log-prefix=" + workDir.resolve(prefix).toAbsolutePath()), "-open");
		// Latencies up to a minute, 3 significant digits.
		var latency = new Histogram(60_000_000L, 3);
		for (Path log : logs(prefix)) {
			try (Stream<String> lines = Files.lines(log)) {
				// client_id transaction_no time script_no time_epoch time_us schedule_lag
				lines.map(line -> line.split(" ")).filter(fields -> fields.length >= 7)
					.forEach(fields -> latency.recordValue(Math.min(Long.parseLong(fields[2]), 60_000_000L)));
			}
		}
		if (latency.getTotalCount() == 0) {
			throw new IOException("pgbench logged no transactions under " + workDir);
		}
		return latency;
	}

	/** pgbench's per-transaction logs under the prefix (one per thread). */
	private List<Path> logs(String prefix) throws IOException {
		try (Stream<Path> files = Files.list(workDir)) {
			return files.filter(p -> p.getFileName().toString().startsWith(prefix + ".")).toList();
		}
	}

	/** Runs pgbench with the event script, and returns what it printed. */
	private String run(int clients, int eventsPerTransaction, Duration duration, List<String> options, String label)
			throws IOException, InterruptedException {
		Path script = workDir.resolve("pgbench-" + eventsPerTransaction + ".sql");
		Files.writeString(script, script(eventsPerTransaction, clients));
		var command = new ArrayList<>(List.of("pgbench", "-h", Postgres.host(), "-p", String.valueOf(Postgres.port()), "-U",
				Postgres.user(), "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j",
				String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
				String.valueOf(Math.max(1, duration.toSeconds())), "-f", script.toString()));
		command.addAll(options);
		command.add(database.database());
		Path output = workDir.resolve("pgbench-" + eventsPerTransaction + label + ".out");
		for (int attempt = 1;; attempt++) {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (process.waitFor() == 0) {
				return Files.readString(output);
			}
			// The server is shared (other test runs): when its connections are all taken, wait and try again.
			if (attempt == 6 || !Files.readString(output).contains("too many clients")) {
				throw new IOException("pgbench failed: " + Files.readString(output));
			}
			Thread.sleep(10_000);
		}
	}

	/**
	 * One transaction of {@code events} events. In batches, each client takes its members from its own
	 * range, in increasing order, as the application's writers lock rows in a fixed order: no deadlocks.
	 */
	static String script(int events, int clients) {
		var sql = new StringBuilder("BEGIN;\n");
		int range = MEMBERS / clients;
		for (int e = 0; e < events; e++) {
			if (events == 1) {
				sql.append("\\set m random(1, ").append(MEMBERS).append(")\n");
			}
			else {
				int slot = range / events;
				sql.append("\\set m :client_id * ").append(range).append(" + ").append(e * Math.max(slot, 1))
					.append(" + random(1, ").append(Math.max(slot, 1)).append(")\n");
			}
			sql.append("\\set k random(1, 9000000000000000000)\n");
			sql.append(EVENT);
		}
		return sql.append("END;\n").toString();
	}

	private static final String EVENT_TEMPLATE = """
			INSERT INTO idempotency_record (program_id, scope, idem_key, fingerprint, created_at) VALUES ('%P', 'event_s', 'k' || :client_id || '-' || :k, '5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8', now()) ON CONFLICT DO NOTHING;
			SELECT * FROM member WHERE program_id = '%P' AND external_id = 'C-' || :m;
			INSERT INTO store_order (program_id, store_id, order_id, member_id, status, currency, total_minor, refunded_minor, earned_points, clawed_back_points, earn_entry_id, updated_at) VALUES ('%P', 's', 'o' || :client_id || '-' || :k, 'pgm-' || :m, 'PAID', 'EUR', 6150, 0, 40, 0, NULL, now()) ON CONFLICT DO NOTHING;
			INSERT INTO store_order_line (program_id, store_id, order_id, line_no, sku, category, brand, quantity, unit_price_minor, refunded_quantity) VALUES ('%P', 's', 'o' || :client_id || '-' || :k, 1, 'SKU-0012', 'wine', 'Brand M', 1, 2950, 0), ('%P', 's', 'o' || :client_id || '-' || :k, 2, 'SKU-0101', 'cheese', 'Brand X', 2, 800, 0), ('%P', 's', 'o' || :client_id || '-' || :k, 3, 'SKU-0007', 'gift', 'Brand H', 1, 1600, 0);
			INSERT INTO member_balance (program_id, member_id, available, pending, lifetime_earned, updated_at) VALUES ('%P', 'pgm-' || :m, 0, 0, 0, now()) ON CONFLICT DO NOTHING;
			SELECT available, pending, lifetime_earned FROM member_balance WHERE program_id = '%P' AND member_id = 'pgm-' || :m FOR UPDATE;
			INSERT INTO journal_entry (id, program_id, member_id, kind, points, available_after, shortfall, cause_type, cause_ref, event_id, reason, actor, corrects_entry_id, created_at, explanation) VALUES ('j' || :client_id || '-' || :k, '%P', 'pgm-' || :m, 'EARN', 40, 40, 0, 'order', 'o' || :client_id || '-' || :k, 'e' || :client_id || '-' || :k, NULL, NULL, NULL, now(), '[{"rule":"Store rate","points":40,"why":"10 points per 15.00 EUR in whole steps on 61.50 EUR"}]');
			INSERT INTO posting (entry_id, line, program_id, account, member_id, amount) VALUES ('j' || :client_id || '-' || :k, 1, '%P', 'MEMBER_AVAILABLE', 'pgm-' || :m, 40), ('j' || :client_id || '-' || :k, 2, '%P', 'PROGRAMME_ISSUED', NULL, -40);
			INSERT INTO point_lot (program_id, id, member_id, entry_id, points, remaining, pending, earned_at, available_at, expires_at, expires_on, on_inactivity, expired, expiry_entry_id) VALUES ('%P', 'j' || :client_id || '-' || :k, 'pgm-' || :m, 'j' || :client_id || '-' || :k, 40, 40, false, now(), NULL, NULL, NULL, false, 0, NULL);
			UPDATE member_balance SET available = available + 40, lifetime_earned = lifetime_earned + 40, updated_at = now() WHERE program_id = '%P' AND member_id = 'pgm-' || :m;
			UPDATE store_order SET earn_entry_id = 'j' || :client_id || '-' || :k WHERE program_id = '%P' AND store_id = 's' AND order_id = 'o' || :client_id || '-' || :k;
			INSERT INTO inbound_event (id, program_id, store_id, type, occurred_at, received_at, member_id, order_id, idempotency_key, payload) VALUES ('e' || :client_id || '-' || :k, '%P', 's', 'order.paid', now(), now(), 'pgm-' || :m, 'o' || :client_id || '-' || :k, 'k' || :client_id || '-' || :k, '{"type":"order.paid","member":{"externalId":"C-0001234","email":"customer0001234@example.com","firstName":"Anne"},"order":{"id":"O-0012345","currency":"EUR","total":"61.50","lines":[{"sku":"SKU-0012","category":"wine","brand":"Brand M","quantity":1,"unitPrice":"29.50"},{"sku":"SKU-0101","category":"cheese","brand":"Brand X","quantity":2,"unitPrice":"8.00"},{"sku":"SKU-0007","category":"gift","brand":"Brand H","quantity":1,"unitPrice":"16.00"}]}}');
			UPDATE idempotency_record SET response = '{"eventId":"019a0000-0000-7000-8000-000000000000","type":"order.paid","outcome":"processed","member":{"id":"019a0000-0000-7000-8000-000000000001","externalId":"C-0001234","enrolled": false},"order":{"id":"O-0012345","status":"paid"},"points":{"earned":40,"clawedBack":0},"balance":{"available":40,"pending":0,"lifetimeEarned":40},"rules":[{"rule":"Store rate","outcome":"applied","points":40,"reason":"10 points per 15.00 EUR in whole steps on 61.50 EUR"}]}' WHERE program_id = '%P' AND scope = 'event_s' AND idem_key = 'k' || :client_id || '-' || :k;
			""";

	// Prepared statements need typed parameters: pgbench's variables are cast to text where they build ids.
	private static final String EVENT = EVENT_TEMPLATE.replace("%P", PROGRAMME)
		.replace(":client_id", "CAST(:client_id AS text)")
		.replace(":k", "CAST(:k AS text)")
		.replace(":m", "CAST(:m AS text)");
}
