package io.philia.program;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Automated deployments: on an empty database, {@code PHILIA_BOOTSTRAP_API_KEY} opens a first programme
 * and store that answer to that key. Once any programme exists it does nothing.
 */
@Component
class Bootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

	private final ProgramSettings settings;

	private final Programmes programmes;

	private final ApiKeys keys;

	Bootstrap(ProgramSettings settings, Programmes programmes, ApiKeys keys) {
		this.settings = settings;
		this.programmes = programmes;
		this.keys = keys;
	}

	@Override
	public void run(ApplicationArguments args) {
		String key = settings.bootstrapApiKey();
		if (key == null || key.isBlank() || !programmes.all().isEmpty()) {
			return;
		}
		Programme programme = programmes.open(new NewProgramme("My programme", "points", "Europe/Paris", "fr"));
		Store store = programmes.openStore(programme.id(), new NewStore("main", "Main store",
				settings.bootstrapCurrency(), new NewStore.EarningTerms(1L, "1.00", "steps")));
		keys.register(programme.id(), store.id(), key, "bootstrap");
		log.info("Bootstrap: opened programme {} with store {} for PHILIA_BOOTSTRAP_API_KEY", programme.id(), store.id());
	}
}
