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
		// As arguments, not defaults: they must win over the profile's settings (the dev demo stays off).
		String[] all = java.util.stream.Stream
			.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--philia.cli=admin",
					"--philia.demo.enabled=false", "--philia.scheduler.enabled=false", "--logging.level.root=warn"))
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = app.run(all)) {
			return SpringApplication.exit(context);
		}
	}
}
