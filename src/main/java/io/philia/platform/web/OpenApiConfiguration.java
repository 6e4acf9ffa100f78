package io.philia.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The one OpenAPI document: its title and the two kinds of key that open it. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI philiaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Philia API")
				.version("v1")
				.description("Customer loyalty and community engine. Store API: send a store API key as "
						+ "'Authorization: Bearer phk_…'. Administration API: the admin key. Every error is "
						+ "RFC 9457 application/problem+json.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("storeKey",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Store API key"))
				.addSecuritySchemes("adminKey",
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("Admin key")));
	}
}
