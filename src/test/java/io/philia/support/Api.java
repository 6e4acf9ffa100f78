package io.philia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: real requests to the running application, JSON answers. */
public final class Api {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final String key;

	private final JsonMapper json;

	public Api(int port, String key, JsonMapper json) {
		this.port = port;
		this.key = key;
		this.json = json;
	}

	public String key() {
		return key;
	}

	public Api withKey(String otherKey) {
		return new Api(port, otherKey, json);
	}

	public Response get(String path) {
		return send("GET", path, null, Map.of());
	}

	public Response post(String path, String body) {
		return send("POST", path, body, Map.of());
	}

	public Response post(String path, String body, String idempotencyKey) {
		return send("POST", path, body, Map.of("Idempotency-Key", idempotencyKey));
	}

	public Response patch(String path, String body) {
		return send("PATCH", path, body, Map.of());
	}

	public Response delete(String path) {
		return send("DELETE", path, null, Map.of());
	}

	/** Sends an event with its idempotency key. */
	public Response event(String idempotencyKey, String body) {
		return post("/api/v1/events", body, idempotencyKey);
	}

	public Response send(String method, String path, String body, Map<String, String> headers) {
		var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Authorization", "Bearer " + key);
		}
		var all = new LinkedHashMap<>(headers);
		all.forEach(request::header);
		try {
			HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response, json);
		}
		catch (IOException e) {
			throw new IllegalStateException(method + " " + path + " failed", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public record Response(HttpResponse<String> raw, JsonMapper json) {

		public int status() {
			return raw.statusCode();
		}

		public JsonNode body() {
			String text = raw.body();
			return text == null || text.isEmpty() ? json.missingNode() : json.readTree(text);
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public Response expect(int status) {
			assertThat(status()).as("HTTP status of %s %s, body %s", raw.request().method(), raw.request().uri(),
					raw.body())
				.isEqualTo(status);
			return this;
		}

		/** Asserts a problem+json answer with this status and type slug. */
		public Response expectProblem(int status, String slug) {
			expect(status);
			assertThat(header("Content-Type")).startsWith("application/problem+json");
			assertThat(body().get("type").asString()).isEqualTo("urn:philia:problem:" + slug);
			return this;
		}

		public long points(String field) {
			return body().get(field).asLong();
		}
	}
}
