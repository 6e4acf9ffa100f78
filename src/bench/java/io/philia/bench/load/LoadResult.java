package io.philia.bench.load;

import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What a load run measured: answers counted (2xx and others), over how long, the latency histogram in
 * microseconds, answers by status, and the connections that broke (by error).
 */
public record LoadResult(long ok, long failed, double seconds, Histogram latency, Map<Integer, Long> statuses,
		Map<String, Long> broken) {

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
}
