package io.philia.program;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application without its web server to run one {@code ./philia admin} command. */
public final class AdminCli {

	private AdminCli() {
	}

	public static int run(Class<?> application, String[] args) {
		var app = new SpringApplication(application);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setDefaultProperties(java.util.Map.of("philia.cli", "admin", "philia.demo.enabled", "false",
				"logging.level.root", "warn"));
		try (ConfigurableApplicationContext context = app.run(args)) {
			return SpringApplication.exit(context);
		}
	}
}
