package io.philia.member.web;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.philia.member.Member;
import io.philia.member.Members;
import io.philia.member.NewMember;
import io.philia.platform.CursorPage;
import io.philia.platform.Idempotency;
import io.philia.program.StoreContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/members")
@Tag(name = "Members", description = "Customers enrolled in the programme")
@SecurityRequirement(name = "storeKey")
class MemberController {

	private final Members members;

	private final Idempotency idempotency;

	MemberController(Members members, Idempotency idempotency) {
		this.members = members;
		this.idempotency = idempotency;
	}

	@PostMapping
	@Operation(summary = "Enrol a member", description = "externalId (the shop's customer id) or email is required; "
			+ "both are unique in the programme. With an Idempotency-Key, a retry returns the first answer.")
	ResponseEntity<Member> enrol(StoreContext store, @RequestBody NewMember request,
			@Parameter(description = "Optional here: a retry with the same key returns the first answer")
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		if (key == null) {
			return created(members.enrol(store.programId(), request), false);
		}
		var outcome = idempotency.once(store.programId(), "member.enrol", key, request, Member.class,
				() -> members.enrol(store.programId(), request));
		return created(outcome.value(), outcome.replayed());
	}

	@GetMapping("/{memberId}")
	@Operation(summary = "Read a member")
	Member one(StoreContext store, @PathVariable String memberId) {
		return members.get(store.programId(), memberId);
	}

	@PatchMapping(path = "/{memberId}", consumes = { "application/json", "application/merge-patch+json" })
	@Operation(summary = "Change a member (JSON merge patch: absent stays, null clears)")
	Member change(StoreContext store, @PathVariable String memberId, @RequestBody JsonNode patch) {
		return members.change(store.programId(), memberId, patch);
	}

	@GetMapping
	@Operation(summary = "List or find members", description = "Filter by externalId or email; pages by cursor.")
	CursorPage<Member> list(StoreContext store, @RequestParam(required = false) String externalId,
			@RequestParam(required = false) String email, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return members.list(store.programId(), externalId, email, CursorPage.limit(limit), cursor);
	}

	private static ResponseEntity<Member> created(Member member, boolean replayed) {
		return ResponseEntity.created(URI.create("/api/v1/members/" + member.id()))
			.header("Idempotent-Replayed", String.valueOf(replayed))
			.body(member);
	}
}
