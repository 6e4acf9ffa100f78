package io.philia.ledger.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.philia.ledger.AccountMerges;
import io.philia.ledger.Merge;
import io.philia.ledger.Transfer;
import io.philia.ledger.Transfers;
import io.philia.member.Members;
import io.philia.platform.Idempotency;
import io.philia.platform.Violations;
import io.philia.program.StoreContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Points", description = "A member's balance, history and manual adjustments")
@SecurityRequirement(name = "storeKey")
class MovesController {

	private static final long MAX_TRANSFER = 1_000_000_000_000L;

	private final Transfers transfers;

	private final AccountMerges merges;

	private final Members members;

	private final Idempotency idempotency;

	MovesController(Transfers transfers, AccountMerges merges, Members members, Idempotency idempotency) {
		this.transfers = transfers;
		this.merges = merges;
		this.members = members;
		this.idempotency = idempotency;
	}

	/**
	 * Points given to another member of the programme.
	 *
	 * @param toMemberId the recipient
	 * @param points how many, at most the sender's available points and the programme's limits
	 * @param reason shown in both histories (a gift message)
	 * @param actor who asked for it, when not the member (a support agent)
	 */
	record TransferRequest(String toMemberId, Long points, String reason, String actor) {
	}

	/**
	 * Another account of the same person, to merge into this one.
	 *
	 * @param memberId the account to absorb: its lots, points, debt and history move here
	 */
	record MergeRequest(String memberId, String reason, String actor) {
	}

	@PostMapping("/{memberId}/points/transfers")
	@Operation(summary = "Give points to another member of the programme",
			description = "The points keep their expiry dates. Needs an Idempotency-Key. Refused with "
					+ "transfers-disabled (403) unless the programme allows transfers, transfer-limit-exceeded (422), "
					+ "insufficient-points (422).",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"toMemberId\": \"0193a4c2-…\", \"points\": 200, \"reason\": \"Happy birthday\"}"))))
	ResponseEntity<Transfer> transfer(StoreContext store, @PathVariable String memberId,
			@RequestBody TransferRequest request, @RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Idempotency.checkKey(key);
		var v = new Violations();
		v.requireText("toMemberId", request.toMemberId(), 36);
		if (request.points() == null || request.points() < 1 || request.points() > MAX_TRANSFER) {
			v.add("points", "must be a positive whole number of points");
		}
		v.checkLength("reason", request.reason(), 500);
		v.checkLength("actor", request.actor(), 200);
		v.throwIfAny();
		members.get(store.programId(), memberId);
		members.get(store.programId(), request.toMemberId());
		var outcome = idempotency.once(store.programId(), "points.transfer", key, new Object[] { memberId, request },
				Transfer.class, () -> transfers.send(store.programId(), memberId, request.toMemberId(), request.points(),
						request.reason(), request.actor()));
		return ResponseEntity.created(URI.create("/api/v1/members/" + memberId + "/points/history"))
			.header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
			.body(outcome.value());
	}

	@PostMapping("/{memberId}:merge")
	@Operation(summary = "Merge another account of the same person into this member",
			description = "Every lot (expiry kept), pending point and debt moves here; the absorbed account's history "
					+ "is part of this member's, and events naming its externalId or e-mail reach this member. "
					+ "Needs an Idempotency-Key.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(
					value = "{\"memberId\": \"0193a4c2-…\", \"reason\": \"same customer, two e-mails\", \"actor\": \"support:marc\"}"))))
	ResponseEntity<Merge> merge(StoreContext store, @PathVariable String memberId, @RequestBody MergeRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Idempotency.checkKey(key);
		var v = new Violations();
		v.requireText("memberId", request.memberId(), 36);
		v.checkLength("reason", request.reason(), 500);
		v.checkLength("actor", request.actor(), 200);
		v.throwIfAny();
		members.get(store.programId(), memberId);
		members.get(store.programId(), request.memberId());
		var outcome = idempotency.once(store.programId(), "members.merge", key, new Object[] { memberId, request },
				Merge.class,
				() -> merges.merge(store.programId(), memberId, request.memberId(), request.reason(), request.actor()));
		return ResponseEntity.ok().header("Idempotent-Replayed", String.valueOf(outcome.replayed())).body(outcome.value());
	}
}
