package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.philia.support.Api.Response;
import io.philia.support.HttpTest;

/**
 * {@code POST /api/v1/events} is answered below the MVC dispatch; with another Accept header it goes through
 * the controller. Both must give a shop the same answer, to the byte: a success, its replay, each kind of
 * refusal, and the same count in the HTTP metrics.
 */
abstract class EventPostsContract extends HttpTest {

	/** Accepts JSON too, but is not what the filter answers: the request goes on to the controller. */
	private static final Map<String, String> THROUGH_THE_CONTROLLER = Map.of("Accept",
			"application/json, text/plain;q=0.5");

	@Test
	void anEventAnsweredBeforeTheDispatchIsTheControllersAnswer() {
		var shop = newShop();
		long counted = eventsCounted(201);

		Response fast = shop.api().event("paid-1", BadInputContract.GOOD).expect(201);
		Response replayedByTheController = controller(shop, "paid-1", BadInputContract.GOOD).expect(201);
		Response replayedBeforeTheDispatch = shop.api().event("paid-1", BadInputContract.GOOD).expect(201);

		assertThat(fast.body().at("/points/earned").asLong()).isEqualTo(100);
		assertThat(fast.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(replayedByTheController.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replayedBeforeTheDispatch.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(fast.raw().body()).isEqualTo(replayedByTheController.raw().body())
			.isEqualTo(replayedBeforeTheDispatch.raw().body());
		assertThat(fast.header("Content-Type")).isEqualTo(replayedByTheController.header("Content-Type"));
		assertThat(countedOnceSettled(201, counted + 3)).as("in the HTTP metrics under the endpoint's path")
			.isEqualTo(counted + 3);

		Response second = controller(shop, "paid-2", BadInputContract.GOOD.replace("\"id\":\"1\"", "\"id\":\"2\""))
			.expect(201);
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(shop.api().get("/api/v1/members/" + fast.body().at("/member/id").asString() + "/points")
			.points("available")).as("each event earned once").isEqualTo(200);
	}

	@Test
	void refusalsReadTheSameWhicheverWayTheyAreServed() {
		var shop = newShop();
		shop.api().event("paid", BadInputContract.GOOD).expect(201);
		long counted = eventsCounted(422);

		assertSameRefusal(shop, "no-total", BadInputContract.GOOD.replace("\"total\":\"150.00\",", ""), 400, "validation");
		assertSameRefusal(shop, null, BadInputContract.GOOD, 400, "idempotency-key-missing");
		assertSameRefusal(shop, "paid", BadInputContract.GOOD.replace("150.00", "160.00"), 409, "idempotency-key-reused");
		assertSameRefusal(shop, "refund", "{\"type\":\"order.refunded\",\"order\":{\"id\":\"nope\"}}", 422,
				"order-unknown");
		assertSameRefusal(shop, "bad-json", "{\"type\": \"order.paid\",}", 400, "malformed-json");
		assertSameRefusal(shop, "wrong-type", BadInputContract.GOOD.replace("\"quantity\":1", "\"quantity\":\"one\""),
				400, "validation");
		assertSameRefusal(shop, "null", "null", 400, "malformed-json");
		assertThat(countedOnceSettled(422, counted + 2)).as("a refusal before the dispatch counts under the endpoint too")
			.isEqualTo(counted + 2);
	}

	@Test
	void aBodyInAnotherCharsetGoesToTheController() {
		var shop = newShop();
		String latin1 = BadInputContract.GOOD.replace("\"externalId\":\"C-1\"",
				"\"externalId\":\"C-1\",\"firstName\":\"Ren\u00e9e\"");

		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/events"))
			.header("Authorization", "Bearer " + shop.api().key())
			.header("Content-Type", "application/json;charset=ISO-8859-1")
			.header("Idempotency-Key", "latin-1")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)))
			.build();
		int status;
		try {
			status = java.net.http.HttpClient.newHttpClient()
				.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
				.statusCode();
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}

		assertThat(status).isEqualTo(201);
		String memberId = shop.api().get("/api/v1/members?externalId=C-1").body().at("/items/0/id").asString();
		assertThat(shop.api().get("/api/v1/members/" + memberId).body().get("firstName").asString()).isEqualTo("Ren\u00e9e");
	}

	private void assertSameRefusal(HttpTest.Shop shop, String key, String body, int status, String slug) {
		Response fast = shop.api()
			.send("POST", "/api/v1/events", body, key == null ? Map.of() : Map.of("Idempotency-Key", key))
			.expectProblem(status, slug);
		var headers = new java.util.HashMap<>(THROUGH_THE_CONTROLLER);
		if (key != null) {
			headers.put("Idempotency-Key", key);
		}
		Response dispatched = shop.api().send("POST", "/api/v1/events", body, headers).expectProblem(status, slug);

		assertThat(fast.raw().body()).as(slug).isEqualTo(dispatched.raw().body());
		assertThat(fast.header("Content-Type")).isEqualTo(dispatched.header("Content-Type"));
	}

	@Test
	void theWritersShowHowManyEventsEachCommitCarried() throws InterruptedException {
		var shop = newShop();
		shop.api().event("warm", BadInputContract.GOOD).expect(201);
		double pieces = metric("philia_group_commit_batch_size_pieces_sum");
		double batches = metric("philia_group_commit_batch_size_pieces_count");
		double timed = metric("philia_group_commit_batch_duration_seconds_count{run=\"together\"");

		var threads = new java.util.ArrayList<Thread>();
		for (int t = 0; t < 4; t++) {
			int client = t;
			threads.add(Thread.ofVirtual().start(() -> {
				for (int i = 0; i < 5; i++) {
					String id = "m-" + client + "-" + i;
					shop.api().event(id, BadInputContract.GOOD.replace("\"id\":\"1\"", "\"id\":\"" + id + "\"")).expect(201);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}

		assertThat(metric("philia_group_commit_batch_size_pieces_sum") - pieces).as("every event is a piece of a commit")
			.isEqualTo(20);
		double committed = metric("philia_group_commit_batch_size_pieces_count") - batches;
		assertThat(committed).isBetween(1.0, 20.0);
		assertThat(metric("philia_group_commit_batch_duration_seconds_count{run=\"together\"") - timed)
			.as("each commit timed, none rerun with savepoints")
			.isEqualTo(committed);
		assertThat(metric("philia_group_commit_queued")).as("nothing left waiting").isZero();
	}

	/** A metric's value on the Prometheus page: the line that starts with the name (and labels, if given). */
	private double metric(String prefix) {
		return admin.withKey(null).get("/actuator/prometheus").expect(200).raw().body().lines()
			.filter(line -> line.startsWith(prefix) && " {,}".indexOf(line.charAt(prefix.length())) >= 0)
			.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	private Response controller(HttpTest.Shop shop, String key, String body) {
		var headers = new java.util.HashMap<>(THROUGH_THE_CONTROLLER);
		headers.put("Idempotency-Key", key);
		return shop.api().send("POST", "/api/v1/events", body, headers);
	}

	/**
	 * The count once it reached {@code expected} or two seconds passed: the server records a request in its
	 * metrics when the request's handling ends, which may be just after the client has the whole answer.
	 */
	private long countedOnceSettled(int status, long expected) {
		long deadline = System.nanoTime() + 2_000_000_000L;
		long counted = eventsCounted(status);
		while (counted < expected && System.nanoTime() < deadline) {
			Thread.onSpinWait();
			counted = eventsCounted(status);
		}
		return counted;
	}

	/** Events answered with this status so far, as the HTTP server metrics count them. */
	private long eventsCounted(int status) {
		return admin.withKey(null).get("/actuator/prometheus").expect(200).raw().body().lines()
			.filter(line -> line.startsWith("http_server_requests_seconds_count{")
					&& line.contains("method=\"POST\"") && line.contains("status=\"" + status + "\"")
					&& line.contains("uri=\"/api/v1/events\""))
			.mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}
}
