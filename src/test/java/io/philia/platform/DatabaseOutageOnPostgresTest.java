package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.philia.support.HttpTest;
import io.philia.support.OnPostgres;
import io.philia.support.TcpProxy;

/**
 * When the database goes away, requests get a 503 with Retry-After (not a 500, not a hang), and the
 * service recovers by itself when it comes back.
 */
@OnPostgres
class DatabaseOutageOnPostgresTest extends HttpTest {

	static final TcpProxy proxy;

	static {
		try {
			URI server = URI.create(System.getenv().getOrDefault("PHILIA_TEST_PG_URL",
					"jdbc:postgresql://127.0.0.1:5432/philia_test").substring(5));
			proxy = new TcpProxy(server.getHost(), server.getPort() == -1 ? 5432 : server.getPort());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		String url = System.getenv().getOrDefault("PHILIA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/philia_test");
		registry.add("spring.datasource.url", () -> url.replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/"));
		registry.add("spring.datasource.hikari.connection-timeout", () -> "2000");
	}

	@AfterAll
	static void closeProxy() throws IOException {
		proxy.close();
	}

	@Test
	void anOutageIsA503WithRetryAfterAndTheServiceRecoversByItself() throws Exception {
		var shop = newShop();
		shop.api().get("/api/v1/members").expect(200);

		proxy.stop();
		var during = shop.api().event("k-1", """
				{"type":"order.paid","member":{"externalId":"C-1"},"order":{"id":"1","currency":"EUR","total":"30.00"}}""");

		assertThat(during.status()).isEqualTo(503);
		assertThat(during.header("Retry-After")).isNotBlank();
		assertThat(during.body().get("type").asString()).isEqualTo("urn:philia:problem:service-unavailable");

		proxy.start();
		var after = shop.api().event("k-1", """
				{"type":"order.paid","member":{"externalId":"C-1"},"order":{"id":"1","currency":"EUR","total":"30.00"}}""");

		assertThat(after.status()).isEqualTo(201);
		assertThat(after.body().at("/points/earned").asLong()).isEqualTo(20);
	}
}
