package io.philia.reward.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.philia.platform.CursorPage;
import io.philia.platform.Idempotency;
import io.philia.program.StoreContext;
import io.philia.reward.Catalogue;
import io.philia.reward.MemberReward;
import io.philia.reward.RedeemRequest;
import io.philia.reward.Redemption;
import io.philia.reward.Redemptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Redemptions", description = "Members spending points on rewards")
@SecurityRequirement(name = "storeKey")
class RedemptionController {

	private final Redemptions redemptions;

	private final Idempotency idempotency;

	private final Catalogue catalogue;

	RedemptionController(Redemptions redemptions, Idempotency idempotency, Catalogue catalogue) {
		this.redemptions = redemptions;
		this.idempotency = idempotency;
		this.catalogue = catalogue;
	}

	@GetMapping("/api/v1/members/{memberId}/rewards")
	@Operation(summary = "The catalogue as a member sees it", description = """
			Each active reward with its name and description in the member's language (or ?locale=fr|en), and \
			whether they can redeem it now; if not, the reason (a problem slug) and the message to show them.""")
	CursorPage<MemberReward> catalogue(StoreContext store, @PathVariable String memberId,
			@RequestParam(required = false) String locale, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return catalogue.forMember(store.programId(), memberId, locale, CursorPage.limit(limit), cursor);
	}

	@PostMapping("/api/v1/members/{memberId}/redemptions")
	@Operation(summary = "Redeem a reward for a member", description = """
			One transaction spends the points, takes a unit of stock and issues the coupon, gift or code. \
			Needs an Idempotency-Key: a retry returns the first answer and spends nothing again. A refusal \
			(not enough points, out of stock, limit reached, not yet or no longer available, another tier) \
			is a 4xx problem with a message for the member in their language, and changes nothing.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "coupon reward", value = """
					{"rewardId":"0192f1d2-7c3e-7a10-9b1e-3f2a1c4d5e6f"}"""),
			@ExampleObject(name = "gift", value = """
					{"rewardId":"0192f1d2-7c3e-7a10-9b1e-3f2a1c4d5e6f","shippingAddress":{"name":"Léa Martin",
					 "line1":"12 rue des Vignes","postalCode":"69002","city":"Lyon","country":"FR"}}""") }))
	ResponseEntity<Redemption> redeem(StoreContext store, @PathVariable String memberId,
			@RequestBody RedeemRequest request, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Idempotency.checkKey(key);
		// The member is part of "the same request": one key sent for two members is a 409, not a replay.
		var outcome = idempotency.once(store.programId(), "redemption", key, new Object[] { memberId, request },
				Redemption.class, () -> redemptions.redeem(store.programId(), memberId, request));
		return Answers.created("/api/v1/redemptions/" + outcome.value().id(), outcome);
	}

	@GetMapping("/api/v1/members/{memberId}/redemptions")
	@Operation(summary = "A member's redemptions, newest first")
	CursorPage<Redemption> ofMember(StoreContext store, @PathVariable String memberId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return redemptions.ofMember(store.programId(), memberId, CursorPage.limit(limit), cursor);
	}

	@GetMapping("/api/v1/redemptions/{redemptionId}")
	@Operation(summary = "Read a redemption")
	Redemption one(StoreContext store, @PathVariable String redemptionId) {
		return redemptions.get(store.programId(), redemptionId);
	}

	@PostMapping("/api/v1/redemptions/{redemptionId}:cancel")
	@Operation(summary = "Cancel a redemption", description = """
			Only an issued one whose coupon is unused: the points come back (a restore linked to the spend), \
			and the unit of stock; the coupon is withdrawn.""")
	ResponseEntity<Redemption> cancel(StoreContext store, @PathVariable String redemptionId,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return Answers.once(idempotency, store.programId(), "redemption.cancel", key, redemptionId, Redemption.class,
				HttpStatus.OK, () -> redemptions.cancel(store.programId(), redemptionId));
	}

	@PostMapping("/api/v1/redemptions/{redemptionId}:fulfil")
	@Operation(summary = "Mark a gift shipped or a partner's reward served",
			description = "Only an issued gift or partner reward; anything else is a 409 redemption-not-fulfillable.")
	ResponseEntity<Redemption> fulfil(StoreContext store, @PathVariable String redemptionId,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return Answers.once(idempotency, store.programId(), "redemption.fulfil", key, redemptionId, Redemption.class,
				HttpStatus.OK, () -> redemptions.fulfil(store.programId(), redemptionId));
	}
}
