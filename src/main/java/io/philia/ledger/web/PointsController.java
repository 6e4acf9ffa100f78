package io.philia.ledger.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.philia.ledger.Lot;
import io.philia.ledger.Movement;
import io.philia.ledger.PointsLedger;
import io.philia.ledger.PointsSummary;
import io.philia.member.MemberProblems;
import io.philia.member.Members;
import io.philia.platform.CursorPage;
import io.philia.platform.Idempotency;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;
import io.philia.program.StoreContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/members/{memberId}/points")
@Tag(name = "Points", description = "A member's balance, history and manual adjustments")
@SecurityRequirement(name = "storeKey")
class PointsController {

	private static final long MAX_ADJUSTMENT = 1_000_000_000_000L;

	private final PointsLedger ledger;

	private final Members members;

	private final Idempotency idempotency;

	PointsController(PointsLedger ledger, Members members, Idempotency idempotency) {
		this.ledger = ledger;
		this.members = members;
		this.idempotency = idempotency;
	}

	/**
	 * A manual correction.
	 *
	 * @param points signed: positive credits, negative debits (never below zero)
	 * @param reason why, shown in the member's history
	 * @param actor who made it (a support agent's name or id)
	 */
	record AdjustmentRequest(Long points, String reason, String actor) {
	}

	@GetMapping
	@Operation(summary = "A member's points: balance, what expires when, when pending points become available",
			description = "Points due by now are counted where they belong (released, expired) even before the "
					+ "scheduled jobs book them. 'expiring' lists points by last day of use, soonest first.")
	PointsSummary balance(StoreContext store, @PathVariable String memberId) {
		// A member with points is usually answered before the dispatch (BalanceReads); this answers the rest.
		// One statement for a member with points (a balance row is only ever made for a member): the member
		// is looked up apart only when there is none, to tell "no points yet" from "no such member".
		return ledger.summary(store.programId(), memberId).orElseGet(() -> {
			requireMember(store, memberId);
			return PointsSummary.NONE;
		});
	}

	@GetMapping("/lots")
	@Operation(summary = "A member's lots, newest first: points credited together, what is left, pending, expiry",
			description = "Open lots only unless all=true.")
	CursorPage<Lot> lots(StoreContext store, @PathVariable String memberId,
			@RequestParam(required = false) Boolean all, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		requireMember(store, memberId);
		return ledger.lots(store.programId(), memberId, Boolean.TRUE.equals(all), CursorPage.limit(limit), cursor);
	}

	@GetMapping("/history")
	@Operation(summary = "A member's point movements, newest first, each with its cause")
	CursorPage<Movement> history(StoreContext store, @PathVariable String memberId,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		requireMember(store, memberId);
		return ledger.history(store.programId(), memberId, CursorPage.limit(limit), cursor);
	}

	@PostMapping("/adjustments")
	@Operation(summary = "Adjust a member's points by hand", description = "Needs an Idempotency-Key: a retry "
			+ "returns the first answer and moves no points again.")
	ResponseEntity<Movement> adjust(StoreContext store, @PathVariable String memberId,
			@RequestBody AdjustmentRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		Idempotency.checkKey(key);
		var v = new Violations();
		// Not Math.abs: the absolute value of Long.MIN_VALUE is itself, negative, and would pass.
		if (request.points() == null || request.points() == 0 || request.points() > MAX_ADJUSTMENT
				|| request.points() < -MAX_ADJUSTMENT) {
			v.add("points", "must be a non-zero whole number of points, at most " + MAX_ADJUSTMENT + " either way");
		}
		v.requireText("reason", request.reason(), 500);
		v.requireText("actor", request.actor(), 200);
		v.throwIfAny();
		requireMember(store, memberId);

		// The member is part of "the same request": one key sent for two members is a 409, not a replay.
		var outcome = idempotency.once(store.programId(), "points.adjust", key, new Object[] { memberId, request },
				Movement.class,
				() -> ledger.adjust(store.programId(), memberId, request.points(), request.reason(), request.actor()));
		return ResponseEntity.created(URI.create("/api/v1/members/" + memberId + "/points/history"))
			.header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
			.body(outcome.value());
	}

	/** An existence check, not the member's row (issue #3's profile). */
	private void requireMember(StoreContext store, String memberId) {
		if (!members.exists(store.programId(), memberId)) {
			throw new PhiliaException(MemberProblems.MEMBER_NOT_FOUND, "No member " + memberId + " in this programme");
		}
	}
}
