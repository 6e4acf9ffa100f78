package io.philia.program.web;

import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.philia.platform.Idempotency;
import io.philia.program.ApiKeys;
import io.philia.program.ApiKeys.ApiKeyInfo;
import io.philia.program.IssuedApiKey;
import io.philia.program.NewProgramme;
import io.philia.program.NewStore;
import io.philia.program.Programme;
import io.philia.program.Programmes;
import io.philia.program.Store;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

/** Administration API: programmes, stores and their API keys (admin key only). */
@RestController
@RequestMapping("/api/v1/admin/programmes")
@Tag(name = "Administration", description = "Programmes, stores and store API keys; needs the admin key")
@SecurityRequirement(name = "adminKey")
class AdminController {

	private final Programmes programmes;

	private final ApiKeys keys;

	private final Idempotency idempotency;

	AdminController(Programmes programmes, ApiKeys keys, Idempotency idempotency) {
		this.programmes = programmes;
		this.keys = keys;
		this.idempotency = idempotency;
	}

	record ApiKeyRequest(String label) {
	}

	@PostMapping
	@Operation(summary = "Open a programme")
	ResponseEntity<Programme> open(@RequestBody NewProgramme request) {
		Programme programme = programmes.open(request);
		return ResponseEntity.created(URI.create("/api/v1/admin/programmes/" + programme.id())).body(programme);
	}

	@GetMapping
	@Operation(summary = "List programmes")
	List<Programme> all() {
		return programmes.all();
	}

	@GetMapping("/{programId}")
	@Operation(summary = "Read a programme")
	Programme one(@PathVariable String programId) {
		return programmes.get(programId);
	}

	@PatchMapping(path = "/{programId}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a programme's name or points lifecycle settings",
			description = "A JSON merge patch (RFC 7396): absent keeps, null resets to the default, an object replaces "
					+ "the setting whole. Settings apply to points earned from then on. An Idempotency-Key is accepted.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = """
							{"returnWindow": {"days": 14, "from": "paid"},
							 "expiry": {"policy": "fixed-date", "date": "12-31", "yearsAfter": 1},
							 "debt": {"policy": "negative-balance", "limit": 500},
							 "costPerPoint": {"amount": "0.005", "currency": "EUR"},
							 "transfers": {"enabled": true, "maxPoints": 5000, "maxSentPerMonth": 10000}}"""))))
	ResponseEntity<Programme> change(@PathVariable String programId, @RequestBody JsonNode patch,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return once(programId, "admin.programme", key, patch, Programme.class, () -> programmes.change(programId, patch));
	}

	@PatchMapping(path = "/{programId}/stores/{storeId}", consumes = { "application/merge-patch+json", "application/json" })
	@Operation(summary = "Change a store's name or its own return window",
			description = "A JSON merge patch: \"returnWindow\": null falls back to the programme's window, "
					+ "{\"days\": 0} means none for this store.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"returnWindow\": {\"days\": 30, \"from\": \"fulfilled\"}}"))))
	ResponseEntity<StoreView> changeStore(@PathVariable String programId, @PathVariable String storeId,
			@RequestBody JsonNode patch, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return once(programId, "admin.store:" + storeId, key, patch, StoreView.class,
				() -> StoreView.of(programmes.changeStore(programId, storeId, patch)));
	}

	/** Settings patches are idempotent by nature; a key, when sent, still returns the first answer. */
	private <T> ResponseEntity<T> once(String programId, String scope, String key, JsonNode patch, Class<T> type,
			Supplier<T> work) {
		if (key == null) {
			return ResponseEntity.ok(work.get());
		}
		programmes.get(programId);
		var outcome = idempotency.once(programId, scope, key, patch, type, work);
		return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(outcome.replayed())).body(outcome.value());
	}

	@PostMapping("/{programId}/stores")
	@Operation(summary = "Open a store in a programme")
	ResponseEntity<StoreView> openStore(@PathVariable String programId, @RequestBody NewStore request) {
		Store store = programmes.openStore(programId, request);
		return ResponseEntity.created(URI.create("/api/v1/admin/programmes/" + programId + "/stores/" + store.id()))
			.body(StoreView.of(store));
	}

	@GetMapping("/{programId}/stores")
	@Operation(summary = "List a programme's stores")
	List<StoreView> stores(@PathVariable String programId) {
		programmes.get(programId);
		return programmes.stores(programId).stream().map(StoreView::of).toList();
	}

	@GetMapping("/{programId}/stores/{storeId}")
	@Operation(summary = "Read a store")
	StoreView store(@PathVariable String programId, @PathVariable String storeId) {
		return StoreView.of(programmes.store(programId, storeId));
	}

	@PutMapping("/{programId}/stores/{storeId}/earning")
	@Operation(summary = "Change a store's default earning rate")
	StoreView changeEarning(@PathVariable String programId, @PathVariable String storeId,
			@RequestBody NewStore.EarningTerms terms) {
		return StoreView.of(programmes.changeEarning(programId, storeId, terms));
	}

	@PostMapping("/{programId}/stores/{storeId}/api-keys")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Issue a store API key", description = "The key is in this answer only; Philia keeps its hash.")
	IssuedApiKey issueKey(@PathVariable String programId, @PathVariable String storeId,
			@RequestBody(required = false) ApiKeyRequest request) {
		return keys.issue(programId, storeId, request == null ? null : request.label());
	}

	@GetMapping("/{programId}/stores/{storeId}/api-keys")
	@Operation(summary = "List a store's API keys (prefixes only)")
	List<ApiKeyInfo> listKeys(@PathVariable String programId, @PathVariable String storeId) {
		programmes.store(programId, storeId);
		return keys.list(programId, storeId);
	}

	@DeleteMapping("/{programId}/api-keys/{keyId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an API key")
	void revoke(@PathVariable String programId, @PathVariable String keyId) {
		keys.revoke(programId, keyId);
	}
}
