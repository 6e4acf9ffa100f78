package io.philia.rule.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.philia.platform.CursorPage;
import io.philia.platform.Idempotency;
import io.philia.platform.PhiliaException;
import io.philia.program.StoreContext;
import io.philia.rule.Rule;
import io.philia.rule.RuleChange;
import io.philia.rule.RuleDefinition;
import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleDefinition.Validity;
import io.philia.rule.RuleProblems;
import io.philia.rule.RuleTemplate;
import io.philia.rule.RuleTemplates;
import io.philia.rule.Rules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/rules")
@Tag(name = "Rules", description = "Earning rules: CEL conditions, effects, limits, versions, simulation")
@SecurityRequirement(name = "storeKey")
class RuleController {

	private final Rules rules;

	private final Idempotency idempotency;

	RuleController(Rules rules, Idempotency idempotency) {
		this.rules = rules;
		this.idempotency = idempotency;
	}

	/**
	 * A rule as sent: its definition (see {@link RuleDefinition}), whether it starts active (default true;
	 * ignored by PUT, which keeps the rule's state), and who makes the change (kept in its history;
	 * "store:&lt;id&gt;" when absent).
	 */
	record RuleRequest(String name, String description, String trigger, String condition, Effect effect,
			Limits limits, Validity validity, Integer priority, Boolean stopFurtherRules, Boolean active,
			String actor) {

		RuleDefinition definition() {
			return new RuleDefinition(name, description, trigger, condition, effect, limits, validity, priority,
					stopFurtherRules);
		}
	}

	/** Who activates, deactivates or creates from a template, and whether a template's rule starts active. */
	record ActorRequest(String actor, Boolean active) {
	}

	@PostMapping
	@Operation(summary = "Create a rule", description = """
			The condition is CEL over event, order (order.paid), member, store and now; it is compiled and \
			type-checked here: an unknown field or a wrong type is a 400 with its line and column. With an \
			Idempotency-Key, a retry returns the first answer.""")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
			@ExampleObject(name = "spend threshold", value = """
					{"name":"Big basket bonus","trigger":"order.paid","condition":"order.total >= 150",
					 "effect":{"type":"fixed","points":500}}"""),
			@ExampleObject(name = "wine ×3 on weekends", value = """
					{"name":"Wine weekend","trigger":"order.paid","priority":20,
					 "condition":"order.lines.exists(l, l.category == 'wine')",
					 "effect":{"type":"multiplier","factor":"3","lines":{"categories":["wine"]}},
					 "validity":{"daysOfWeek":["saturday","sunday"]},"limits":{"perMemberPerMonth":2000}}""") }))
	ResponseEntity<Rule> create(StoreContext store, @RequestBody RuleRequest request,
			@Parameter(description = "Optional here: a retry with the same key returns the first answer")
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		boolean active = request.active() == null || request.active();
		String actor = actor(store, request.actor());
		if (key == null) {
			return created(rules.create(store.programId(), request.definition(), active, actor), false);
		}
		var outcome = idempotency.once(store.programId(), "rule.create", key, request, Rule.class,
				() -> rules.create(store.programId(), request.definition(), active, actor));
		return created(outcome.value(), outcome.replayed());
	}

	@GetMapping
	@Operation(summary = "List the programme's rules", description = "Filter by active and trigger; pages by cursor.")
	CursorPage<Rule> list(StoreContext store, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String trigger, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return rules.list(store.programId(), active, trigger, CursorPage.limit(limit), cursor);
	}

	@GetMapping("/templates")
	@Operation(summary = "Ready rules for common mechanics", description = "Create one as it is with "
			+ "POST /api/v1/rules/templates/{id}, or send its rule, adapted, to POST /api/v1/rules.")
	List<RuleTemplate> templates() {
		return RuleTemplates.ALL;
	}

	@PostMapping("/templates/{templateId}")
	@Operation(summary = "Create a rule from a template")
	ResponseEntity<Rule> fromTemplate(StoreContext store, @PathVariable String templateId,
			@RequestBody(required = false) ActorRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key) {
		RuleTemplate template = RuleTemplates.find(templateId)
			.orElseThrow(() -> new PhiliaException(RuleProblems.TEMPLATE_NOT_FOUND, "No rule template " + templateId
					+ "; GET /api/v1/rules/templates lists them"));
		boolean active = request == null || request.active() == null || request.active();
		String actor = actor(store, request == null ? null : request.actor());
		if (key == null) {
			return created(rules.create(store.programId(), template.rule(), active, actor), false);
		}
		var outcome = idempotency.once(store.programId(), "rule.template", key,
				new Object[] { templateId, request }, Rule.class,
				() -> rules.create(store.programId(), template.rule(), active, actor));
		return created(outcome.value(), outcome.replayed());
	}

	@GetMapping("/{ruleId}")
	@Operation(summary = "Read a rule (its current version)")
	Rule one(StoreContext store, @PathVariable String ruleId) {
		return rules.get(store.programId(), ruleId);
	}

	@PutMapping("/{ruleId}")
	@Operation(summary = "Change a rule", description = "Makes a new version (the old ones stay, postings name "
			+ "them); the same definition again changes nothing. Activation is kept.")
	Rule change(StoreContext store, @PathVariable String ruleId, @RequestBody RuleRequest request) {
		return rules.change(store.programId(), ruleId, request.definition(), actor(store, request.actor()));
	}

	@DeleteMapping("/{ruleId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a rule", description = "It stops earning at once; its history and versions stay.")
	void delete(StoreContext store, @PathVariable String ruleId, @RequestParam(required = false) String actor) {
		rules.delete(store.programId(), ruleId, actor(store, actor));
	}

	@PostMapping("/{ruleId}:activate")
	@Operation(summary = "Activate a rule")
	Rule activate(StoreContext store, @PathVariable String ruleId,
			@RequestBody(required = false) ActorRequest request) {
		return rules.activate(store.programId(), ruleId, true, actor(store, request == null ? null : request.actor()));
	}

	@PostMapping("/{ruleId}:deactivate")
	@Operation(summary = "Deactivate a rule", description = "It stops earning until activated again.")
	Rule deactivate(StoreContext store, @PathVariable String ruleId,
			@RequestBody(required = false) ActorRequest request) {
		return rules.activate(store.programId(), ruleId, false, actor(store, request == null ? null : request.actor()));
	}

	@GetMapping("/{ruleId}/history")
	@Operation(summary = "A rule's audit trail: who created, changed, activated, deactivated or deleted it, when")
	List<RuleChange> history(StoreContext store, @PathVariable String ruleId) {
		return rules.history(store.programId(), ruleId);
	}

	@GetMapping("/{ruleId}/versions/{version}")
	@Operation(summary = "One version of a rule, as it was")
	RuleDefinition version(StoreContext store, @PathVariable String ruleId, @PathVariable int version) {
		return rules.version(store.programId(), ruleId, version);
	}

	private static String actor(StoreContext store, String actor) {
		return actor == null ? "store:" + store.storeId() : actor;
	}

	private static ResponseEntity<Rule> created(Rule rule, boolean replayed) {
		return ResponseEntity.created(URI.create("/api/v1/rules/" + rule.id()))
			.header("Idempotent-Replayed", String.valueOf(replayed))
			.body(rule);
	}
}
