package io.philia.reward.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.philia.platform.CursorPage;
import io.philia.platform.Idempotency;
import io.philia.program.StoreContext;
import io.philia.reward.Reward;
import io.philia.reward.RewardDefinition;
import io.philia.reward.Rewards;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/rewards")
@Tag(name = "Rewards", description = "The catalogue of what points buy")
@SecurityRequirement(name = "storeKey")
class RewardController {

	private final Rewards rewards;

	private final Idempotency idempotency;

	RewardController(Rewards rewards, Idempotency idempotency) {
		this.rewards = rewards;
		this.idempotency = idempotency;
	}

	@PostMapping
	@Operation(summary = "Add a reward to the catalogue", description = """
			Kinds: voucher, percentage-discount, fixed-discount, free-shipping (each redemption issues a coupon \
			with the reward's terms), gift (with stock; the member gives a shipping address), partner, donation. \
			Names and descriptions in French and English. With an Idempotency-Key, a retry returns the first answer.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "voucher", value = """
					{"kind":"voucher","costPoints":1000,"name":{"fr":"Bon d'achat de 10 €","en":"10 EUR voucher"},
					 "coupon":{"discount":"amount","amount":"10.00","currency":"EUR"},"couponValidDays":90}"""),
			@ExampleObject(name = "gift with stock, gold tier", value = """
					{"kind":"gift","costPoints":5000,"name":{"fr":"Tire-bouchon","en":"Corkscrew"},
					 "imageUrls":["https://shop.example/img/corkscrew.jpg"],"stock":50,"perMemberLimit":1,
					 "tiers":["gold"],"availableUntil":"2026-12-31T23:59:59+01:00"}"""),
			@ExampleObject(name = "donation", value = """
					{"kind":"donation","costPoints":500,"name":{"fr":"Don aux Restos du cœur","en":"Donation"},
					 "charity":"Les Restos du cœur","donation":"5.00","currency":"EUR"}""") }))
	ResponseEntity<Reward> create(StoreContext store, @RequestBody RewardDefinition request,
			@Parameter(description = "Optional here: a retry with the same key returns the first answer")
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return Answers.once(idempotency, store.programId(), "reward.create", key, request, Reward.class,
				HttpStatus.CREATED, () -> rewards.create(store.programId(), request));
	}

	@GetMapping
	@Operation(summary = "List the catalogue", description = "Filter by active; pages by cursor.")
	CursorPage<Reward> list(StoreContext store, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		return rewards.list(store.programId(), active, CursorPage.limit(limit), cursor);
	}

	@GetMapping("/{rewardId}")
	@Operation(summary = "Read a reward (with what is left of its stock)")
	Reward one(StoreContext store, @PathVariable String rewardId) {
		return rewards.get(store.programId(), rewardId);
	}

	@PutMapping("/{rewardId}")
	@Operation(summary = "Change a reward (the whole definition)",
			description = "Redemptions already made keep what they gave; coupons already issued keep their terms.")
	Reward change(StoreContext store, @PathVariable String rewardId, @RequestBody RewardDefinition request) {
		return rewards.change(store.programId(), rewardId, request);
	}

	@PostMapping("/{rewardId}:archive")
	@Operation(summary = "Take a reward out of the catalogue")
	Reward archive(StoreContext store, @PathVariable String rewardId) {
		return rewards.setActive(store.programId(), rewardId, false);
	}

	@PostMapping("/{rewardId}:activate")
	@Operation(summary = "Put a reward back in the catalogue")
	Reward activate(StoreContext store, @PathVariable String rewardId) {
		return rewards.setActive(store.programId(), rewardId, true);
	}
}
