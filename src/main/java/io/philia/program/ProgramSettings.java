package io.philia.program;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the programme module.
 *
 * @param adminKey the key of the administration API ({@code /api/v1/admin/**}); without one, that API
 * answers 401 to everyone
 * @param bootstrapApiKey on an empty database, a first programme, store and this store API key are
 * created at start (automated deployments)
 * @param bootstrapCurrency the currency of the bootstrap store
 * @param apiKeyRecheck how long a node trusts a store API key it verified before reading it again: a key
 * revoked on another node stops working on this one within that time (5 s by default)
 * @param storeRecheck how long a node uses a store's settings and its programme's terms, as events need
 * them, before reading them again: a change made on another node applies on this one within that time (5 s
 * by default)
 */
@ConfigurationProperties("philia")
public record ProgramSettings(String adminKey, String bootstrapApiKey, String bootstrapCurrency,
		Duration apiKeyRecheck, Duration storeRecheck) {

	public ProgramSettings {
		if (bootstrapCurrency == null) {
			bootstrapCurrency = "EUR";
		}
		if (apiKeyRecheck == null) {
			apiKeyRecheck = Duration.ofSeconds(5);
		}
		if (storeRecheck == null) {
			storeRecheck = Duration.ofSeconds(5);
		}
	}
}
