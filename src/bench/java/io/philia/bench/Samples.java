package io.philia.bench;

import java.util.List;

/** Medians and spreads of a figure over several runs. */
final class Samples {

	private Samples() {
	}

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
	}

	static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

	/** Whole numbers from 100 up, two decimals below 100, three below 1. */
	static String format(double value) {
		double magnitude = Math.abs(value);
		if (magnitude >= 100 || value == Math.rint(value) && magnitude >= 1) {
			return String.valueOf(Math.round(value));
		}
		return magnitude >= 1 ? "%.2f".formatted(value) : "%.3f".formatted(value);
	}
}
