package io.philia.event;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.philia.bench.Events;
import io.philia.demo.ShopData;
import io.philia.platform.Money;
import io.philia.platform.web.JsonReading;
import io.philia.program.EarningRate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pure work of one event before the database: parsing its JSON and validating it, and the store
 * rate's earning computation. Orders from the seeded shop data (1–10 lines, about 60 EUR).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EventJsonBenchmark {

	/** The application's reading settings (duplicate names refused, text checked), as the service reads. */
	private final JsonMapper json = JsonReading.configure(JsonMapper.builder()).build();

	private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), java.time.ZoneOffset.UTC);

	private final EarningRate rate = new EarningRate(10, Money.of("15.00", "EUR"), EarningRate.Rounding.STEPS);

	private byte[][] bodies;

	private int next;

	@Setup
	public void generate() {
		var orders = ShopData.generate(42, 500, Instant.parse("2026-11-22T10:00:00Z")).orders();
		bodies = orders.stream()
			.map(order -> Events.paid(order, 0).getBytes(java.nio.charset.StandardCharsets.UTF_8))
			.toArray(byte[][]::new);
	}

	@Benchmark
	public EventRequest parseEvent() {
		return json.readValue(body(), EventRequest.class);
	}

	@Benchmark
	public ValidEvent parseAndValidateEvent() {
		return EventValidation.validate(json.readValue(body(), EventRequest.class), clock);
	}

	@Benchmark
	public long earningAtTheStoreRate() {
		return rate.pointsFor(body().length * 37L);
	}

	private byte[] body() {
		next = (next + 1) % bodies.length;
		return bodies[next];
	}
}
