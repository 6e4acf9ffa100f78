package io.philia.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.philia.event.EventIngestion.Ingested;
import io.philia.platform.GroupCommit;
import io.philia.platform.PhiliaException;
import io.philia.platform.Problems;
import io.philia.program.StoreContext;

/**
 * Many events in one call ({@code POST /api/v1/events:batch}), each with its own idempotency key and its
 * own outcome: each is applied exactly as if it had been sent alone, and one refused event changes
 * nothing for the others. All are queued to their writers at once, so a batch fills the group commits
 * instead of waiting for one commit per event. Events of one customer, and the events of an order named
 * earlier in the batch, are applied in the batch's order.
 */
@Service
public class EventBatches {

	public static final int MAX_EVENTS = 1000;

	private static final Logger log = LoggerFactory.getLogger(EventBatches.class);

	private final EventIngestion ingestion;

	EventBatches(EventIngestion ingestion) {
		this.ingestion = ingestion;
	}

	/** One event of a batch and the key that makes it exactly-once. */
	public record Item(String idempotencyKey, EventRequest request) {
	}

	/** What became of one event: what it did, or why it was refused. */
	public record Outcome(Ingested ingested, RuntimeException error) {
	}

	/** The outcomes, in the order of the items. */
	public List<Outcome> ingest(StoreContext caller, List<Item> items) {
		if (items.size() > MAX_EVENTS) {
			throw new PhiliaException(EventProblems.BATCH_TOO_LARGE,
					"The batch has " + items.size() + " events; send at most " + MAX_EVENTS + " per call");
		}
		Map<String, String> shardsByOrder = new HashMap<>();
		List<CompletableFuture<Ingested>> pending = new ArrayList<>(items.size());
		for (Item item : items) {
			CompletableFuture<Ingested> future;
			try {
				future = ingestion.submit(ingestion.prepare(caller, item.idempotencyKey(), item.request(), shardsByOrder));
			}
			catch (RuntimeException refused) {
				future = CompletableFuture.failedFuture(refused);
			}
			pending.add(future);
		}
		List<Outcome> outcomes = new ArrayList<>(items.size());
		for (CompletableFuture<Ingested> future : pending) {
			try {
				outcomes.add(new Outcome(GroupCommit.await(future), null));
			}
			catch (RuntimeException e) {
				if (Problems.of(e).getStatus() >= 500 && !Problems.databaseUnavailable(e)) {
					log.error("Unexpected error on an event of a batch", e);
				}
				outcomes.add(new Outcome(null, e));
			}
		}
		return outcomes;
	}
}
