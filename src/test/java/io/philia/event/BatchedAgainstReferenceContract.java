package io.philia.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ProblemDetail;

import io.philia.ledger.Movement;
import io.philia.ledger.PointsLedger;
import io.philia.platform.Problems;
import io.philia.platform.Transactions;
import io.philia.program.StoreContext;
import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The group-commit path (events of a POST /api/v1/events:batch sharing transactions, their writes
 * deferred to the commit, a refused event rerunning its batch with savepoints) against the reference
 * path, one transaction per event run in order: the same seeded sequences of payments, refunds,
 * cancellations, retries and reused keys give the same answers, balances and histories.
 */
abstract class BatchedAgainstReferenceContract extends HttpTest {

	private static final int SEQUENCES = 4;

	private static final int EVENTS = 60;

	private static final List<String> CUSTOMERS = List.of("C-1", "C-2", "C-3", "C-4", "C-5");

	@Autowired
	EventIngestion ingestion;

	@Autowired
	Transactions transactions;

	@Autowired
	PointsLedger ledger;

	record Sent(String key, String body) {
	}

	@Test
	void batchedEventsAnswerAndBookExactlyAsOneTransactionPerEventInOrder() {
		for (int i = 0; i < SEQUENCES; i++) {
			long seed = new Random().nextLong();
			List<Sent> events = sequence(new Random(seed));
			var batched = newShop();
			var reference = newShop();

			List<String> batchedAnswers = batched(batched, events, new Random(seed));
			List<String> referenceAnswers = reference(reference, events);

			for (int n = 0; n < events.size(); n++) {
				assertThat(batchedAnswers.get(n)).as("seed %d, event %d: %s", seed, n, events.get(n))
					.isEqualTo(referenceAnswers.get(n));
			}
			for (String customer : CUSTOMERS) {
				assertThat(books(batched, customer)).as("seed %d, %s", seed, customer).isEqualTo(books(reference, customer));
			}
			assertThat(ledger.audit(batched.programId()).healthy()).as("audit, seed %d", seed).isTrue();
		}
	}

	/**
	 * Orders of five customers, each paid, then perhaps refunded in part or whole, cancelled, paid again;
	 * retries of earlier events with their key; a key reused with another body (for the same customer, so
	 * that both paths meet them in the same order); refunds of orders nobody paid.
	 */
	private static List<Sent> sequence(Random random) {
		List<Sent> events = new ArrayList<>();
		List<String> orders = new ArrayList<>();
		while (events.size() < EVENTS) {
			int pick = random.nextInt(10);
			if (pick < 3 || orders.isEmpty()) {
				String order = "O-" + events.size();
				String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
				orders.add(order + " " + customer);
				events.add(new Sent("paid-" + order, paid(order, customer, (1 + random.nextInt(30000)) / 100.0)));
				continue;
			}
			String[] known = orders.get(random.nextInt(orders.size())).split(" ");
			String order = known[0];
			String customer = known[1];
			String key = "k-" + events.size();
			switch (pick) {
				case 3, 4 -> events.add(new Sent(key, """
						{"type":"order.refunded","order":{"id":"%s"},"refund":{"amount":"%.2f"}}"""
					.formatted(order, (1 + random.nextInt(15000)) / 100.0)));
				case 5 -> events.add(new Sent(key, """
						{"type":"order.refunded","order":{"id":"%s"}}""".formatted(order)));
				case 6 -> events.add(new Sent(key, """
						{"type":"order.cancelled","member":{"externalId":"%s"},"order":{"id":"%s"}}"""
					.formatted(customer, random.nextBoolean() ? order : order + "-never-paid")));
				case 7 -> events.add(events.get(random.nextInt(events.size())));
				case 8 -> events.add(new Sent("paid-" + order, paid(order, customer, 0.5 + random.nextInt(100))));
				default -> events.add(new Sent(key, """
						{"type":"order.refunded","order":{"id":"%s-unknown"},"refund":{"amount":"1.00"}}"""
					.formatted(order)));
			}
		}
		return events;
	}

	private static String paid(String order, String customer, double total) {
		return """
				{"type":"order.paid","member":{"externalId":"%s"},"order":{"id":"%s","currency":"EUR","total":"%.2f"}}"""
			.formatted(customer, order, total);
	}

	/** The sequence cut in batches of 1 to 25 events, each sent as one POST /api/v1/events:batch. */
	private List<String> batched(Shop shop, List<Sent> events, Random random) {
		List<String> answers = new ArrayList<>();
		for (int from = 0; from < events.size();) {
			int to = Math.min(events.size(), from + 1 + random.nextInt(25));
			List<String> items = events.subList(from, to)
				.stream()
				.map(e -> "{\"idempotencyKey\":\"" + e.key() + "\",\"event\":" + e.body() + "}")
				.toList();
			JsonNode body = shop.api().post("/api/v1/events:batch", "{\"events\":[" + String.join(",", items) + "]}")
				.expect(200)
				.body();
			body.get("results").forEach(item -> answers.add(item.has("problem") ? problem(item.get("problem"))
					: answer(item.get("result"), item.get("replayed").asBoolean())));
			from = to;
		}
		return answers;
	}

	/** Each event alone, in order, in a transaction of its own. */
	private List<String> reference(Shop shop, List<Sent> events) {
		var caller = new StoreContext(shop.programId(), shop.storeId());
		List<String> answers = new ArrayList<>();
		for (Sent event : events) {
			EventRequest request = json.readValue(event.body(), EventRequest.class);
			try {
				var ingested = transactions.inTransaction(() -> ingestion.ingest(caller, event.key(), request));
				answers.add(answer(json.valueToTree(ingested.result()), ingested.replayed()));
			}
			catch (RuntimeException e) {
				ProblemDetail problem = Problems.of(e);
				answers.add(problem(json.valueToTree(java.util.Map.of("type", problem.getType().toString(), "detail",
						String.valueOf(problem.getDetail())))));
			}
		}
		return answers;
	}

	/** An answer without what differs by nature between two programmes: the event's and member's ids. */
	private static String answer(JsonNode result, boolean replayed) {
		ObjectNode copy = (ObjectNode) result.deepCopy();
		copy.remove("eventId");
		((ObjectNode) copy.get("member")).remove("id");
		return (replayed ? "replayed " : "") + copy;
	}

	private static String problem(JsonNode problem) {
		return "problem " + problem.get("type").asString() + ": " + problem.get("detail").asString();
	}

	/** A customer's balance and history, without ids and times. */
	private List<String> books(Shop shop, String customer) {
		JsonNode found = shop.api().get("/api/v1/members?externalId=" + customer).body().get("items");
		if (found.isEmpty()) {
			return List.of("unknown");
		}
		String memberId = found.get(0).get("id").asString();
		List<String> books = new ArrayList<>();
		books.add(ledger.balance(shop.programId(), memberId).toString());
		for (Movement m : ledger.history(shop.programId(), memberId, 500, null).items()) {
			books.add(m.kind() + " " + m.points() + " after " + m.availableAfter() + " pending " + m.pending() + "/"
					+ m.pendingAfter() + " shortfall " + m.shortfall() + " " + m.cause().type() + ":" + m.cause().reference()
					+ (m.correctsEntryId() == null ? "" : " corrects"));
		}
		return books;
	}
}
