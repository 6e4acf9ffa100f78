package io.philia.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the dev-mode demo.
 *
 * @param enabled seed the demo programme at start (dev profile only)
 * @param apiKey the demo store's API key; when empty, one is generated once and kept in the data directory
 * @param dataDir where the dev database and the generated demo key live
 */
@ConfigurationProperties("philia.demo")
record DemoSettings(boolean enabled, String apiKey, String dataDir) {

	DemoSettings {
		if (dataDir == null || dataDir.isBlank()) {
			dataDir = "./data";
		}
	}
}
