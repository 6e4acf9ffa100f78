package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.philia.ledger.PointsLedger;
import io.philia.support.Api.Response;
import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/events:batch: each event exactly once, with its own key and its own outcome. */
abstract class EventBatchContract extends HttpTest {

	@Autowired
	PointsLedger ledger;

	static String item(String key, String event) {
		return key == null ? "{\"event\":" + event + "}" : "{\"idempotencyKey\":\"" + key + "\",\"event\":" + event + "}";
	}

	static String batch(String... items) {
		return "{\"events\":[" + String.join(",", items) + "]}";
	}

	static String paid(String orderId, String customer, String total) {
		return IdempotencyAndConcurrencyContract.paid(orderId, customer, total);
	}

	private static Response send(Shop shop, String body) {
		return shop.api().post("/api/v1/events:batch", body);
	}

	private long available(Shop shop, String externalId) {
		JsonNode found = shop.api().get("/api/v1/members?externalId=" + externalId).body().get("items");
		return found.isEmpty() ? -1 : shop.api().get("/api/v1/members/" + found.get(0).get("id").asString() + "/points")
			.points("available");
	}

	@Test
	void eachEventOfABatchHasItsOwnResultAndRefusedOnesWriteNothing() {
		var shop = newShop();

		JsonNode answer = send(shop, batch(item("k-1", paid("1", "C-1", "150.00")), item("k-2", paid("2", "C-2", "30.00")),
				item("k-3", paid("3", "C-1", "15.00")), item("k-4", paid("4", "C-BAD", "-3")),
				item(null, paid("5", "C-NOKEY", "45.00")))).expect(200).body();

		assertThat(answer.get("accepted").asInt()).isEqualTo(3);
		assertThat(answer.get("refused").asInt()).isEqualTo(2);
		assertThat(answer.get("results").valueStream().map(r -> r.get("status").asInt()).toList())
			.containsExactly(201, 201, 201, 400, 400);
		assertThat(answer.at("/results/0/result/points/earned").asLong()).isEqualTo(100);
		assertThat(answer.at("/results/0/replayed").asBoolean()).isFalse();
		assertThat(answer.at("/results/3/problem/type").asString()).isEqualTo("urn:philia:problem:validation");
		assertThat(answer.at("/results/3/problem/errors/0/field").asString()).isEqualTo("order.total");
		assertThat(answer.at("/results/4/problem/type").asString()).isEqualTo("urn:philia:problem:idempotency-key-missing");
		assertThat(available(shop, "C-1")).isEqualTo(110);
		assertThat(available(shop, "C-2")).isEqualTo(20);
		assertThat(available(shop, "C-BAD")).isEqualTo(-1);
		assertThat(available(shop, "C-NOKEY")).isEqualTo(-1);
	}

	@Test
	void aBatchSentAgainReplaysEveryEventAndChangesNothing() {
		var shop = newShop();
		String body = batch(item("k-1", paid("1", "C-1", "150.00")), item("k-2", paid("2", "C-1", "30.00")));
		JsonNode first = send(shop, body).expect(200).body();

		JsonNode again = send(shop, body).expect(200).body();

		assertThat(again.get("results").valueStream().map(r -> r.get("replayed").asBoolean()).toList())
			.containsExactly(true, true);
		assertThat(again.at("/results/1/result")).isEqualTo(first.at("/results/1/result"));
		assertThat(available(shop, "C-1")).isEqualTo(120);
	}

	@Test
	void keysAreSharedWithSingleEventsAndAKeyReusedWithAnotherBodyIsRefusedAlone() {
		var shop = newShop();
		shop.api().event("k-1", paid("1", "C-1", "150.00")).expect(201);

		JsonNode answer = send(shop, batch(item("k-1", paid("1", "C-1", "150.00")), item("k-1", paid("9", "C-1", "99.00")),
				item("k-2", paid("2", "C-1", "15.00")))).expect(200).body();

		assertThat(answer.get("results").valueStream().map(r -> r.get("status").asInt()).toList())
			.containsExactly(201, 409, 201);
		assertThat(answer.at("/results/0/replayed").asBoolean()).isTrue();
		assertThat(answer.at("/results/1/problem/type").asString()).isEqualTo("urn:philia:problem:idempotency-key-reused");
		assertThat(available(shop, "C-1")).isEqualTo(110);
	}

	@Test
	void theEventsOfAnOrderInOneBatchAreAppliedInTheirOrder() {
		var shop = newShop();

		JsonNode answer = send(shop, batch(item("paid", paid("O-1", "C-1", "300.00")), item("refund", """
				{"type":"order.refunded","order":{"id":"O-1"},"refund":{"amount":"150.00"}}"""), item("cancel", """
				{"type":"order.cancelled","order":{"id":"O-1"}}"""))).expect(200).body();

		assertThat(answer.get("results").valueStream().map(r -> r.get("status").asInt()).toList())
			.containsExactly(201, 201, 201);
		assertThat(answer.at("/results/1/result/points/clawedBack").asLong()).isEqualTo(100);
		assertThat(available(shop, "C-1")).isZero();
	}

	@Test
	void refundsOfOrdersPaidInOneBatchCorrectTheirOwnEarnings() {
		var shop = newShop();
		// A placed order paid (its link to the earning an update), then new orders paid (their rows and links
		// written at the commit), in the same micro-batches: each refund must find the earning it corrects.
		send(shop, batch(item("placed-1", """
				{"type":"order.placed","member":{"externalId":"C-1"},"order":{"id":"O-1","currency":"EUR","total":"30.00"}}""")))
			.expect(200);
		send(shop, batch(item("paid-1", paid("O-1", "C-1", "30.00")), item("paid-2", paid("O-2", "C-1", "45.00")),
				item("paid-3", paid("O-3", "C-1", "60.00")))).expect(200);
		JsonNode refunds = send(shop, batch(List.of("O-1", "O-2", "O-3").stream()
			.map(order -> item("refund-" + order, "{\"type\":\"order.refunded\",\"order\":{\"id\":\"" + order + "\"}}"))
			.toArray(String[]::new))).expect(200).body();

		assertThat(refunds.get("results").valueStream().map(r -> r.at("/result/points/clawedBack").asLong()))
			.containsExactly(20L, 30L, 40L);
		String member = refunds.at("/results/0/result/member/id").asString();
		var history = ledger.history(shop.programId(), member, 100, null).items();
		for (String order : List.of("O-1", "O-2", "O-3")) {
			var earn = history.stream().filter(m -> m.kind() == io.philia.ledger.Movement.Kind.EARN
					&& m.cause().reference().equals(order)).findFirst().orElseThrow();
			var clawback = history.stream().filter(m -> m.kind() == io.philia.ledger.Movement.Kind.CLAWBACK
					&& m.cause().reference().equals(order)).findFirst().orElseThrow();
			assertThat(clawback.correctsEntryId()).as(order).isEqualTo(earn.id());
		}
		assertThat(available(shop, "C-1")).isZero();
	}

	@Test
	void anEventFieldOfTheWrongTypeIsRefusedWithItsPath() {
		var shop = newShop();

		JsonNode answer = send(shop, batch(item("k-1", """
				{"type":"order.paid","member":{"externalId":"C-1"},"order":{"id":"1","currency":"EUR","total":"15.00",
				 "lines":[{"sku":"A","quantity":"many","unitPrice":"15.00"}]}}"""), item("k-2", "42"))).expect(200).body();

		assertThat(answer.at("/results/0/status").asInt()).isEqualTo(400);
		assertThat(answer.at("/results/0/problem/errors/0/field").asString()).isEqualTo("order.lines[0].quantity");
		assertThat(answer.at("/results/1/problem/errors/0/field").asString()).isEqualTo("event");
		assertThat(available(shop, "C-1")).isEqualTo(-1);
	}

	@Test
	void aBatchThatIsNotAListOfEventsIsRefusedWhole() {
		var shop = newShop();
		List<String> tooMany = new ArrayList<>();
		for (int i = 0; i <= EventBatches.MAX_EVENTS; i++) {
			tooMany.add(item("k-" + i, paid("O-" + i, "C-1", "15.00")));
		}

		send(shop, "{\"events\": {}}").expectProblem(400, "validation");
		send(shop, "{\"events\": []}").expectProblem(400, "validation");
		send(shop, "[]").expectProblem(400, "validation");
		send(shop, batch(tooMany.toArray(String[]::new))).expectProblem(400, "batch-too-large");

		assertThat(available(shop, "C-1")).isEqualTo(-1);
	}

	@Test
	void aThousandEventsOfAHundredMembersInOneBatchGiveEveryBalanceItsOrders() {
		var shop = newShop();
		List<String> items = new ArrayList<>();
		long[] expected = new long[100];
		for (int i = 0; i < EventBatches.MAX_EVENTS; i++) {
			long total = 1_500 + 37L * i;
			expected[i % 100] += total / 1500 * 10;
			items.add(item("k-" + i, paid("O-" + i, "C-" + i % 100, java.math.BigDecimal.valueOf(total, 2).toPlainString())));
		}

		JsonNode answer = send(shop, batch(items.toArray(String[]::new))).expect(200).body();

		assertThat(answer.get("accepted").asInt()).isEqualTo(EventBatches.MAX_EVENTS);
		assertThat(ledger.audit(shop.programId()).healthy()).isTrue();
		for (int m = 0; m < 100; m += 7) {
			assertThat(available(shop, "C-" + m)).as("C-%d", m).isEqualTo(expected[m]);
		}
	}
}
