package io.philia.program;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the programme module.
 *
 * @param adminKey the key of the administration API ({@code /api/v1/admin/**}); without one, that API
 * answers 401 to everyone
 * @param bootstrapApiKey on an empty database, a first programme, store and this store API key are
 * created at start (automated deployments)
 * @param bootstrapCurrency the currency of the bootstrap store
 */
@ConfigurationProperties("philia")
public record ProgramSettings(String adminKey, String bootstrapApiKey, String bootstrapCurrency) {

	public ProgramSettings {
		if (bootstrapCurrency == null) {
			bootstrapCurrency = "EUR";
		}
	}
}
