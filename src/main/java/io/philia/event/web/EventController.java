package io.philia.event.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.philia.event.EventIngestion;
import io.philia.event.EventRequest;
import io.philia.event.EventResult;
import io.philia.program.StoreContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/events")
@Tag(name = "Events", description = "What happened in the store: orders placed, paid, cancelled, refunded; custom events")
@SecurityRequirement(name = "storeKey")
class EventController {

	private final EventIngestion ingestion;

	EventController(EventIngestion ingestion) {
		this.ingestion = ingestion;
	}

	@PostMapping
	@Operation(summary = "Send an event", description = """
			Needs an Idempotency-Key header: the same key again returns the first answer (header \
			Idempotent-Replayed: true) and changes nothing; the same key with another body is a 409. A customer \
			Philia does not know yet is enrolled from the event's member data.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "order.paid", value = """
					{"type":"order.paid","occurredAt":"2026-11-22T10:00:00Z",
					 "member":{"externalId":"C-42","email":"anne@example.com"},
					 "order":{"id":"1001","currency":"EUR","total":"274.00",
					          "lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"137.00"}]}}"""),
			@ExampleObject(name = "order.refunded (one line)", value = """
					{"type":"order.refunded","order":{"id":"1001"},"refund":{"lines":[{"sku":"W-1","quantity":1}]}}"""),
			@ExampleObject(name = "order.refunded (amount)", value = """
					{"type":"order.refunded","order":{"id":"1001"},"refund":{"amount":"50.00"}}"""),
			@ExampleObject(name = "custom event", value = """
					{"type":"custom.review_written","member":{"externalId":"C-42"},"data":{"rating":5}}""") }))
	ResponseEntity<EventResult> send(StoreContext store, @RequestBody EventRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		var ingested = ingestion.ingest(store, key, request);
		return ResponseEntity.status(HttpStatus.CREATED)
			.header("Idempotent-Replayed", String.valueOf(ingested.replayed()))
			.body(ingested.result());
	}
}
