package io.philia.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bench gets from the harness while it runs: whether this is a quick run, how many repetitions,
 * durations scaled for quick runs, where to keep files, and where to put its figures and notes.
 */
public final class BenchRun {

	private final boolean quick;

	private final Path workDir;

	private final Map<String, List<Double>> samples = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	BenchRun(boolean quick, Path workDir) {
		this.quick = quick;
		this.workDir = workDir;
	}

	/** {@code --quick}: one short run to see that the bench works; BENCHMARKS.md is left as it is. */
	public boolean quick() {
		return quick;
	}

	/**
	 * How many times to repeat a measurement (3, PHILIA_BENCH_RUNS to change it; 1 when quick): the section
	 * reports the median and the spread.
	 */
	public int runs() {
		String runs = System.getenv("PHILIA_BENCH_RUNS");
		return quick ? 1 : runs == null || runs.isBlank() ? 3 : Integer.parseInt(runs);
	}

	/** The full duration, or a fifth of it (at least a second) for a quick run. */
	public Duration duration(Duration full) {
		return quick ? Duration.ofMillis(Math.max(1000, full.toMillis() / 5)) : full;
	}

	/** A directory for logs, scripts and recordings of this run (under target/bench). */
	public Path workDir() {
		return workDir;
	}

	/** One run's value of a figure; the harness reports the median over the runs. */
	public void sample(String key, double value) {
		samples.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
		System.out.printf("  %s = %s%n", key, Samples.format(value));
	}

	/** A line of the section under the table: a profile, a caveat, a setting. Markdown. */
	public void note(String text) {
		notes.add(text);
		System.out.println("  note: " + text);
	}

	/** Progress for whoever watches the terminal. */
	public void log(String message) {
		System.out.println("[" + java.time.LocalTime.now().withNano(0) + "] " + message);
	}

	Map<String, List<Double>> samples() {
		return samples;
	}

	List<String> notes() {
		return notes;
	}
}
