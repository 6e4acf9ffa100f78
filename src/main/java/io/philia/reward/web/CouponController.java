package io.philia.reward.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.philia.platform.CursorPage;
import io.philia.platform.Idempotency;
import io.philia.program.StoreContext;
import io.philia.reward.CampaignDefinition;
import io.philia.reward.CodeCheck;
import io.philia.reward.CodeValidation;
import io.philia.reward.CouponCampaign;
import io.philia.reward.CouponCampaigns;
import io.philia.reward.Coupons;
import io.philia.reward.GeneratedCodes;
import io.philia.reward.MemberCoupon;
import io.philia.reward.internal.MemberCoupons;
import io.philia.member.Members;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@Tag(name = "Coupons", description = "Promo codes, unique codes, next-order coupons, and validating a code at checkout")
@SecurityRequirement(name = "storeKey")
class CouponController {

	private final CouponCampaigns campaigns;

	private final Coupons coupons;

	private final Idempotency idempotency;

	private final Members members;

	private final MemberCoupons memberCoupons;

	CouponController(CouponCampaigns campaigns, Coupons coupons, Idempotency idempotency, Members members,
			MemberCoupons memberCoupons) {
		this.campaigns = campaigns;
		this.coupons = coupons;
		this.idempotency = idempotency;
		this.members = members;
		this.memberCoupons = memberCoupons;
	}

	@GetMapping("/api/v1/members/{memberId}/coupons")
	@Operation(summary = "A member's own coupons", description = "Issued by their redemptions or earned by their orders (next-order coupons), newest first.")
	List<MemberCoupon> ofMember(StoreContext store, @PathVariable String memberId) {
		members.get(store.programId(), memberId);
		return memberCoupons.of(store.programId(), memberId);
	}

	/** How many unique codes to add to a campaign. */
	record GenerateRequest(Long count) {
	}

	@PostMapping("/api/v1/coupon-campaigns")
	@Operation(summary = "Create a coupon campaign", description = """
			promo: one shared code with overall and per-member limits; codes: unique codes generated in batches \
			(POST .../codes:generate); next-order: the coupon each paid order earns (set it in \
			/api/v1/checkout-settings), worth more the sooner it is used. With an Idempotency-Key, a retry \
			returns the first answer.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "promo code", value = """
					{"type":"promo","name":"Christmas","code":"NOEL25","maxUses":1000,"maxUsesPerMember":1,
					 "validUntil":"2026-12-26T00:00:00+01:00",
					 "terms":{"discount":"percentage","percent":25,"minimumBasket":"50.00","currency":"EUR",
					          "scope":{"categories":["wine"]}}}"""),
			@ExampleObject(name = "unique codes", value = """
					{"type":"codes","name":"Flyer","prefix":"FLY","usesPerCode":1,
					 "terms":{"discount":"amount","amount":"5.00","currency":"EUR","stackable":true}}"""),
			@ExampleObject(name = "next-order coupon", value = """
					{"type":"next-order","name":"Come back soon",
					 "terms":{"discount":"percentage","decay":[{"withinDays":7,"percent":15},{"withinDays":30,"percent":10}]}}""") }))
	ResponseEntity<CouponCampaign> create(StoreContext store, @RequestBody CampaignDefinition request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		return Answers.once(idempotency, store.programId(), "coupon-campaign.create", key, request,
				CouponCampaign.class, HttpStatus.CREATED, () -> campaigns.create(store.programId(), request));
	}

	@GetMapping("/api/v1/coupon-campaigns")
	@Operation(summary = "List coupon campaigns")
	CursorPage<CouponCampaign> list(StoreContext store, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return campaigns.list(store.programId(), CursorPage.limit(limit), cursor);
	}

	@GetMapping("/api/v1/coupon-campaigns/{campaignId}")
	@Operation(summary = "Read a coupon campaign")
	CouponCampaign one(StoreContext store, @PathVariable String campaignId) {
		return campaigns.get(store.programId(), campaignId);
	}

	@PostMapping("/api/v1/coupon-campaigns/{campaignId}:deactivate")
	@Operation(summary = "Withdraw every code of a campaign")
	CouponCampaign deactivate(StoreContext store, @PathVariable String campaignId) {
		return campaigns.setActive(store.programId(), campaignId, false);
	}

	@PostMapping("/api/v1/coupon-campaigns/{campaignId}:activate")
	@Operation(summary = "Bring a campaign's codes back")
	CouponCampaign activate(StoreContext store, @PathVariable String campaignId) {
		return campaigns.setActive(store.programId(), campaignId, true);
	}

	@PostMapping("/api/v1/coupon-campaigns/{campaignId}/codes:generate")
	@Operation(summary = "Generate unique codes", description = """
			Up to 1,000,000 per request: 12 random characters (60 bits, no 0/O or 1/I) after the campaign's \
			prefix. Needs an Idempotency-Key: a retry returns the first answer and generates nothing more.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
			{"count":1000000}""")))
	ResponseEntity<GeneratedCodes> generate(StoreContext store, @PathVariable String campaignId,
			@RequestBody GenerateRequest request, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Idempotency.checkKey(key);
		return Answers.once(idempotency, store.programId(), "coupon-codes.generate", key,
				new Object[] { campaignId, request }, GeneratedCodes.class, HttpStatus.CREATED,
				() -> campaigns.generate(store.programId(), campaignId, request.count()));
	}

	@GetMapping(path = "/api/v1/coupon-campaigns/{campaignId}/codes", produces = "text/csv")
	@Operation(summary = "Export a campaign's codes as CSV", description = "code (as shown to customers), uses")
	ResponseEntity<StreamingResponseBody> export(StoreContext store, @PathVariable String campaignId) {
		campaigns.get(store.programId(), campaignId);
		StreamingResponseBody body = out -> campaigns.export(store.programId(), campaignId, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.header("Content-Disposition", "attachment; filename=\"codes-" + campaignId + ".csv\"")
			.body(body);
	}

	@PostMapping("/api/v1/coupons/{code}:validate")
	@Operation(summary = "Validate a code against a cart", description = """
			What the code takes off this cart, with a message for the member; or a 4xx problem saying exactly \
			why not (expired, used up, minimum basket, out of scope, not stackable…), with the member's message \
			in French or English. Nothing is reserved. Unknown codes are limited per store and per member or IP \
			address: past the limit, 429 with Retry-After.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
			{"customer":{"externalId":"C-1042","ip":"203.0.113.7"},
			 "cart":{"currency":"EUR","shipping":"5.90",
			         "lines":[{"sku":"W-1","category":"wine","quantity":2,"unitPrice":"37.00"}]}}""")))
	CodeValidation validate(StoreContext store, @PathVariable String code, @RequestBody CodeCheck request) {
		return coupons.validate(store, code, request);
	}
}
