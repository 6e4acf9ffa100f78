package io.philia.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dev-mode demo.
 *
 * @param enabled seed the demo programme at start (dev profile only)
 * @param apiKey the demo store's API key; when empty, one is generated once and kept in the data directory
 * @param dataDir where the dev database and the generated demo key live
 * @param size how much demo data: {@code small} (three members, a few orders), {@code medium} (1,000
 * generated customers, about 2,000 orders) or {@code large} (20,000 customers, about 39,000 orders)
 */
@ConfigurationProperties("philia.demo")
record DemoSettings(boolean enabled, String apiKey, String dataDir, String size) {

	/** Generated customers for each size beyond the three hand-written members. */
	static final java.util.Map<String, Integer> SIZES = java.util.Map.of("small", 0, "medium", 1_000, "large", 20_000);

	DemoSettings {
		if (dataDir == null || dataDir.isBlank()) {
			dataDir = "./data";
		}
		size = size == null || size.isBlank() ? "small" : size.strip().toLowerCase(java.util.Locale.ROOT);
		if (!SIZES.containsKey(size)) {
			throw new IllegalArgumentException("philia.demo.size (--demo-size) must be small, medium or large, not " + size);
		}
	}

	int generatedCustomers() {
		return SIZES.get(size);
	}
}
