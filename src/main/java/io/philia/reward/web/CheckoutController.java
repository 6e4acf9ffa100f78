package io.philia.reward.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.philia.platform.Idempotency;
import io.philia.program.StoreContext;
import io.philia.reward.Checkout;
import io.philia.reward.CheckoutOutcome;
import io.philia.reward.CheckoutRequest;
import io.philia.reward.CheckoutSettings;
import io.philia.reward.CheckoutTerms;
import io.philia.reward.Checkouts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Checkout", description = "Codes and points as payment at the shop's checkout: validate, reserve, redeem, release")
@SecurityRequirement(name = "storeKey")
class CheckoutController {

	private static final String EXAMPLE = """
			{"orderId":"5001","customer":{"externalId":"C-1042"},"codes":["NOEL25"],"points":1500,
			 "cart":{"currency":"EUR","shipping":"5.90",
			         "lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"37.00"}]}}""";

	private final Checkouts checkouts;

	private final CheckoutSettings settings;

	private final Idempotency idempotency;

	CheckoutController(Checkouts checkouts, CheckoutSettings settings, Idempotency idempotency) {
		this.checkouts = checkouts;
		this.settings = settings;
		this.idempotency = idempotency;
	}

	@PostMapping("/api/v1/checkouts:validate")
	@Operation(summary = "Price a cart with codes and points", description = """
			What each code takes off, what the points pay and what is left; or a 4xx problem saying exactly \
			which code or amount is refused and why. Nothing is reserved.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = EXAMPLE)))
	CheckoutOutcome validate(StoreContext store, @RequestBody CheckoutRequest request) {
		return checkouts.validate(store, request);
	}

	@PostMapping("/api/v1/checkouts")
	@Operation(summary = "Reserve codes and points for an order", description = """
			Holds one use of each code and spends the points (restored if the checkout is released) until the \
			order is paid (order.paid event, or :redeem) or the reservation times out (philia.reward.reservation-timeout, \
			30 minutes by default). A new checkout for the same order replaces the previous one. Needs an \
			Idempotency-Key. The same single-use code reserved twice at the same moment succeeds once.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = EXAMPLE)))
	ResponseEntity<Checkout> reserve(StoreContext store, @RequestBody CheckoutRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		var outcome = checkouts.reserve(store, key, request);
		return Answers.created("/api/v1/checkouts/" + outcome.value().id(), outcome);
	}

	@GetMapping("/api/v1/checkouts/{checkoutId}")
	@Operation(summary = "Read a checkout", description = "A reservation whose time ran out reads as expired at once.")
	Checkout one(StoreContext store, @PathVariable String checkoutId) {
		return checkouts.get(store, checkoutId);
	}

	@PostMapping("/api/v1/checkouts/{checkoutId}:redeem")
	@Operation(summary = "Redeem a checkout: its order is paid", description = """
			Uses the reserved codes and points for good (the order.paid event of the same order does the same). \
			Again: the same answer. An expired reservation is refused (409) and released.""")
	ResponseEntity<Checkout> redeem(StoreContext store, @PathVariable String checkoutId,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return Answers.once(idempotency, store.programId(), "checkout.redeem:" + store.storeId(), key, checkoutId,
				Checkout.class, HttpStatus.OK, () -> checkouts.redeem(store, checkoutId));
	}

	@PostMapping("/api/v1/checkouts/{checkoutId}:release")
	@Operation(summary = "Release a checkout", description = "Gives its codes and points back. Again: the same answer.")
	ResponseEntity<Checkout> release(StoreContext store, @PathVariable String checkoutId,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return Answers.once(idempotency, store.programId(), "checkout.release:" + store.storeId(), key, checkoutId,
				Checkout.class, HttpStatus.OK, () -> checkouts.release(store, checkoutId));
	}

	@GetMapping("/api/v1/checkout-settings")
	@Operation(summary = "The programme's checkout settings")
	CheckoutTerms settings(StoreContext store) {
		return settings.get(store.programId());
	}

	@PutMapping("/api/v1/checkout-settings")
	@Operation(summary = "Set points as payment and the next-order coupon")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
			{"pointsPayment":{"points":100,"per":"1.00","currency":"EUR","minShare":0,"maxShare":50,"minPoints":500},
			 "nextOrderCampaignId":"0192f1d2-7c3e-7a10-9b1e-3f2a1c4d5e6f"}""")))
	CheckoutTerms changeSettings(StoreContext store, @RequestBody CheckoutTerms terms) {
		return settings.put(store.programId(), terms);
	}
}
