package io.philia;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the modules' insides internal and writes the module documentation (target/spring-modulith-docs). */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PhiliaApplication.class);

	@Test
	void modulesOnlyUseEachOthersApis() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeDocumentation();
	}
}
