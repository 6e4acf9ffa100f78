package io.philia.bench.load;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.HdrHistogram.Histogram;

/**
 * What a load run measured: answers counted (2xx and others), over how long, the latency histogram in
 * microseconds, answers by status, the connections that broke (by error), and per half-second window of
 * the counted time the worst latency and the number of answers slower than 50 ms (where a tail comes from:
 * stalls in a few windows, or queueing all along).
 */
public record LoadResult(long ok, long failed, double seconds, Histogram latency, Map<Integer, Long> statuses,
		Map<String, Long> broken, long[] worst, long[] slow) {

	static final long WINDOW_NANOS = 500_000_000;

	static final long SLOW_MICROS = 50_000;

	/** Successful answers per second. */
	public double rate() {
		return ok / seconds;
	}

	public double percentileMillis(double percentile) {
		return latency.getValueAtPercentile(percentile) / 1000.0;
	}

	public String summary() {
		return "%.0f/s ok, %d failed, p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms, statuses %s%s".formatted(
				rate(), failed, percentileMillis(50), percentileMillis(99), percentileMillis(99.9),
				latency.getMaxValue() / 1000.0, statuses, broken.isEmpty() ? "" : ", broken connections " + broken);
	}

	/**
	 * The answers slower than 50 ms, and the windows that held the most of them: "+3.5 s: 120 (max 178
	 * ms)", from the start of the counted time.
	 */
	public String stalls(int windows) {
		long total = IntStream.range(0, slow.length).mapToLong(i -> slow[i]).sum();
		String top = IntStream.range(0, slow.length).boxed()
			.filter(i -> slow[i] > 0)
			.sorted(Comparator.comparingLong((Integer i) -> slow[i]).reversed())
			.limit(windows)
			.map(i -> "+%.1f s: %d (max %d ms)".formatted(i * WINDOW_NANOS / 1e9, slow[i], worst[i] / 1000))
			.collect(Collectors.joining(", "));
		return total + " answers over 50 ms in " + IntStream.range(0, slow.length).filter(i -> slow[i] > 0).count()
				+ " of " + slow.length + " half-second windows" + (top.isEmpty() ? "" : "; most in " + top);
	}
}
