package io.philia.platform.web;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Production mode ({@code prod} profile, {@code ./philia start}) refuses to start on dev defaults: an H2
 * database (it does not flush every commit), no database at all, or the dev admin key. Registered in
 * spring.factories so that it runs before any bean is created.
 */
public class ProductionGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	static final String DEV_ADMIN_KEY = "philia-dev-admin-key";

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment env = event.getEnvironment();
		if (!env.matchesProfiles("prod")) {
			return;
		}
		String url = env.getProperty("spring.datasource.url", "");
		if (url.isBlank()) {
			throw new IllegalStateException("Production mode needs PHILIA_DB_URL (jdbc:postgresql://host:5432/philia)");
		}
		if (url.startsWith("jdbc:h2:")) {
			throw new IllegalStateException("Production mode refuses H2: it does not flush every commit. "
					+ "Use PostgreSQL (PHILIA_DB_URL), or ./philia dev to try Philia.");
		}
		if (DEV_ADMIN_KEY.equals(env.getProperty("philia.admin-key"))) {
			throw new IllegalStateException("Production mode refuses the dev admin key: set PHILIA_ADMIN_KEY to a secret");
		}
		if (env.matchesProfiles("dev")) {
			throw new IllegalStateException("The dev and prod profiles cannot be active together");
		}
	}
}
