package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.philia.support.Api.Response;
import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** Events are applied exactly once, whatever the retries and however many arrive at the same moment. */
abstract class IdempotencyAndConcurrencyContract extends HttpTest {

	static String paid(String orderId, String externalId, String total) {
		return """
				{"type":"order.paid","member":{"externalId":"%s"},
				 "order":{"id":"%s","currency":"EUR","total":"%s"}}""".formatted(externalId, orderId, total);
	}

	@Test
	void theSameKeyAgainReturnsTheFirstAnswerAndChangesNothing() {
		var shop = newShop();
		Response first = shop.api().event("k-1", paid("1", "C-1", "150.00")).expect(201);

		Response again = shop.api().event("k-1", paid("1", "C-1", "150.00")).expect(201);

		assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.body()).isEqualTo(first.body());
		String memberId = first.body().at("/member/id").asString();
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").points("available")).isEqualTo(100);
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points/history").body().get("items")).hasSize(1);
	}

	@Test
	void aReplayIgnoresFormattingButNotContent() {
		var shop = newShop();
		shop.api().event("k-1", paid("1", "C-1", "150.00")).expect(201);

		shop.api().event("k-1", "  " + paid("1", "C-1", "150.00").replace(",", " ,\n ")).expect(201);
		shop.api().event("k-1", paid("1", "C-1", "151.00")).expectProblem(409, "idempotency-key-reused");

		JsonNode members = shop.api().get("/api/v1/members").body();
		assertThat(members.get("items")).hasSize(1);
		assertThat(shop.api()
			.get("/api/v1/members/" + members.at("/items/0/id").asString() + "/points")
			.points("available")).isEqualTo(100);
	}

	@Test
	void anEventWithoutIdempotencyKeyIsRefusedAndWritesNothing() {
		var shop = newShop();

		shop.api().post("/api/v1/events", paid("1", "C-1", "150.00")).expectProblem(400, "idempotency-key-missing");

		assertThat(shop.api().get("/api/v1/members").body().get("items")).isEmpty();
	}

	@Test
	void fiftyConcurrentOrdersOfOneMemberGiveExactlyTheRightBalance() throws Exception {
		var shop = newShop();
		String memberId = shop.api().event("enrol", """
				{"type":"custom.signed_up","member":{"externalId":"C-1"}}""").expect(201).body().at("/member/id").asString();

		List<Response> responses = concurrently(50, i -> shop.api().event("order-" + i, paid("O-" + i, "C-1", "30.00")));

		assertThat(responses).allSatisfy(r -> r.expect(201));
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").points("available")).isEqualTo(50 * 20);
	}

	@Test
	void fiftyConcurrentFirstEventsOfANewCustomerEnrolThemOnce() throws Exception {
		var shop = newShop();

		List<Response> responses = concurrently(50,
				i -> shop.api().event("order-" + i, paid("O-" + i, "C-NEW", "15.00")));

		assertThat(responses).allSatisfy(r -> r.expect(201));
		assertThat(responses.stream().map(r -> r.body().at("/member/id").asString()).distinct()).hasSize(1);
		assertThat(responses.stream().filter(r -> r.body().at("/member/enrolled").asBoolean())).hasSize(1);
		JsonNode members = shop.api().get("/api/v1/members").body();
		assertThat(members.get("items")).hasSize(1);
		assertThat(shop.api().get("/api/v1/members/" + members.at("/items/0/id").asString() + "/points")
			.points("available")).isEqualTo(500);
	}

	@Test
	void theSameEventSentTwentyTimesAtOnceEarnsOnce() throws Exception {
		var shop = newShop();

		List<Response> responses = concurrently(20, i -> shop.api().event("same-key", paid("O-1", "C-1", "150.00")));

		// Every caller learns the outcome: the first answer, or "still in progress" while it commits.
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
		assertThat(responses.stream().filter(r -> r.status() == 201)).isNotEmpty();
		String memberId = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body()
			.at("/member/id").asString();
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").points("available")).isEqualTo(100);
	}

	@Test
	void concurrentRefundsOfOneOrderNeverTakeBackMoreThanItEarned() throws Exception {
		var shop = newShop();
		String memberId = shop.api().event("paid", paid("O-1", "C-1", "300.00")).expect(201).body().at("/member/id")
			.asString();

		List<Response> responses = concurrently(10, i -> shop.api().event("refund-" + i, """
				{"type":"order.refunded","order":{"id":"O-1"},"refund":{"amount":"50.00"}}"""));

		assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(6);
		assertThat(responses.stream().filter(r -> r.status() == 422)).hasSize(4);
		assertThat(shop.api().get("/api/v1/members/" + memberId + "/points").points("available")).isZero();
	}

	interface Call {
		Response call(int i);
	}

	/** Runs the calls on real threads, released together. */
	static List<Response> concurrently(int n, Call call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			var start = new CountDownLatch(1);
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return call.call(index);
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> f : futures) {
				responses.add(f.get());
			}
			return responses;
		}
		finally {
			pool.shutdownNow();
		}
	}
}
