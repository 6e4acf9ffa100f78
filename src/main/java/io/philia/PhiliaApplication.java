package io.philia;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import io.philia.program.AdminCli;

/** Philia: one Spring Boot application, one application module per business capability. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PhiliaApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("admin")) {
			System.exit(AdminCli.run(PhiliaApplication.class, args));
		}
		SpringApplication.run(PhiliaApplication.class, args);
	}
}
