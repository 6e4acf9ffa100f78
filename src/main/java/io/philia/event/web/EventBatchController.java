package io.philia.event.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.philia.event.EventBatches;
import io.philia.event.EventProblems;
import io.philia.event.EventRequest;
import io.philia.event.EventResult;
import io.philia.platform.FieldViolation;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.platform.PlatformProblems;
import io.philia.platform.Problems;
import io.philia.program.StoreContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Events")
@SecurityRequirement(name = "storeKey")
class EventBatchController {

	private final EventBatches batches;

	private final JsonMapper json;

	EventBatchController(EventBatches batches, JsonMapper json) {
		this.batches = batches;
		this.json = json;
	}

	/**
	 * The answer to a batch: how many events were accepted and refused, and one result per event in the
	 * order sent.
	 */
	record BatchAnswer(int accepted, int refused, List<ItemAnswer> results) {
	}

	/**
	 * One event's outcome: the HTTP status it would have had alone (201, or its problem's status), and
	 * either its result (with {@code replayed}) or its problem.
	 */
	record ItemAnswer(int index, String idempotencyKey, int status, Boolean replayed, EventResult result,
			Map<String, Object> problem) {
	}

	@PostMapping("/api/v1/events:batch")
	@Operation(summary = "Send up to 1000 events in one call", description = """
			Each event has its own Idempotency-Key (in the body, not a header) and its own outcome, exactly as \
			if it had been sent alone to POST /api/v1/events: some may be refused (their problem is in their \
			result) while the others are applied. The call answers 200 whenever the batch itself could be \
			read, whatever became of its events; 400 when it is not {"events": [...]}, is empty or holds more \
			than 1000 events; 413 past the batch body limit (philia.http.max-batch-body-bytes, 16 MiB). Events \
			of one customer, and the events of an order named earlier in the batch, are applied in order.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(name = "two events", value = """
			{"events":[
			  {"idempotencyKey":"order-1001-paid","event":{"type":"order.paid","member":{"externalId":"C-42"},
			   "order":{"id":"1001","currency":"EUR","total":"274.00"}}},
			  {"idempotencyKey":"order-1002-paid","event":{"type":"order.paid","member":{"externalId":"C-43"},
			   "order":{"id":"1002","currency":"EUR","total":"-3"}}}]}""")))
	@ApiResponse(responseCode = "200", description = "The batch was read; each event has its own status", content = @Content(examples = @ExampleObject(value = """
			{"accepted":1,"refused":1,"results":[
			  {"index":0,"idempotencyKey":"order-1001-paid","status":201,"replayed":false,
			   "result":{"eventId":"…","type":"order.paid","outcome":"processed","member":{"id":"…","externalId":"C-42","enrolled":true},
			             "order":{"id":"1001","status":"paid"},"points":{"earned":180,"clawedBack":0},
			             "balance":{"available":180,"pending":0,"lifetimeEarned":180}}},
			  {"index":1,"idempotencyKey":"order-1002-paid","status":400,
			   "problem":{"type":"urn:philia:problem:validation","title":"The request is invalid","status":400,
			              "detail":"order.total must not be negative","code":"PHL-1001",
			              "errors":[{"field":"order.total","message":"must not be negative"}]}}]}""")))
	BatchAnswer send(StoreContext store, @RequestBody JsonNode body) {
		JsonNode events = body == null ? null : body.get("events");
		if (events == null || !events.isArray()) {
			throw InvalidRequest.of("events", "is required: an array of {\"idempotencyKey\": …, \"event\": {…}}");
		}
		if (events.isEmpty()) {
			throw InvalidRequest.of("events", "must hold at least one event");
		}
		if (events.size() > EventBatches.MAX_EVENTS) {
			throw new PhiliaException(EventProblems.BATCH_TOO_LARGE,
					"The batch has " + events.size() + " events; send at most " + EventBatches.MAX_EVENTS + " per call");
		}
		List<String> keys = new ArrayList<>();
		RuntimeException[] unreadable = new RuntimeException[events.size()];
		List<EventBatches.Item> items = new ArrayList<>();
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			JsonNode item = events.get(i);
			JsonNode key = item.isObject() ? item.get("idempotencyKey") : null;
			keys.add(key != null && key.isString() ? key.stringValue() : null);
			try {
				items.add(new EventBatches.Item(keys.get(i), read(item)));
				positions.add(i);
			}
			catch (RuntimeException e) {
				unreadable[i] = e;
			}
		}
		var outcomes = batches.ingest(store, items);
		List<ItemAnswer> results = new ArrayList<>(events.size());
		int accepted = 0;
		for (int i = 0, next = 0; i < events.size(); i++) {
			RuntimeException error = unreadable[i];
			EventBatches.Outcome outcome = null;
			if (error == null) {
				outcome = outcomes.get(next++);
				error = outcome.error();
			}
			if (error == null) {
				accepted++;
				results.add(new ItemAnswer(i, keys.get(i), 201, outcome.ingested().replayed(), outcome.ingested().result(),
						null));
			}
			else {
				ProblemDetail problem = Problems.of(error);
				results.add(new ItemAnswer(i, keys.get(i), problem.getStatus(), null, null, flat(problem)));
			}
		}
		return new BatchAnswer(accepted, events.size() - accepted, results);
	}

	private EventRequest read(JsonNode item) {
		if (!item.isObject()) {
			throw InvalidRequest.of("event", "each item must be {\"idempotencyKey\": …, \"event\": {…}}");
		}
		JsonNode event = item.get("event");
		if (event == null || !event.isObject()) {
			throw InvalidRequest.of("event", "is required: the event as POST /api/v1/events takes it");
		}
		try {
			return json.treeToValue(event, EventRequest.class);
		}
		catch (DatabindException e) {
			String field = Problems.fieldPath(e.getPath());
			throw new PhiliaException(PlatformProblems.VALIDATION, field + " has the wrong type",
					Map.of("errors", List.of(new FieldViolation(field, "has the wrong type"))));
		}
	}

	/** A problem as the JSON object a single event's answer would have been. */
	private static Map<String, Object> flat(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", problem.getType().toString());
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}
}
