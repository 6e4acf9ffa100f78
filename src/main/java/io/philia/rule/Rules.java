package io.philia.rule;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.rule.internal.DefinitionCheck;
import io.philia.rule.internal.RuleCache;
import io.philia.rule.internal.RuleStore;

/**
 * A programme's earning rules: created, changed (each change a new version), activated, deactivated,
 * deleted, every step in the audit trail with who made it. A deleted rule disappears from the API, but
 * its versions stay: postings keep naming them.
 */
@Service
public class Rules {

	private final RuleStore store;

	private final RuleCache cache;

	private final Clock clock;

	Rules(RuleStore store, RuleCache cache, Clock clock) {
		this.store = store;
		this.cache = cache;
		this.clock = clock;
	}

	@Transactional
	public Rule create(String programId, RuleDefinition request, boolean active, String actor) {
		RuleDefinition definition = DefinitionCheck.check(request);
		String who = actor(actor);
		Instant now = clock.instant();
		String id = Ids.next(clock);
		store.insertRule(programId, id, definition.trigger(), active, now);
		store.insertVersion(programId, id, Ids.next(clock), 1, definition, now);
		store.audit(programId, Ids.next(clock), id, 1, "created", null, who, now);
		changed(programId);
		return get(programId, id);
	}

	/** Replaces the rule's definition with a new version; the same definition again changes nothing. */
	@Transactional
	public Rule change(String programId, String ruleId, RuleDefinition request, String actor) {
		RuleStore.Stored current = locked(programId, ruleId);
		RuleDefinition definition = DefinitionCheck.check(request);
		List<String> changed = differences(current.definition(), definition);
		if (changed.isEmpty()) {
			return current.view();
		}
		Instant now = clock.instant();
		int version = current.version() + 1;
		store.insertVersion(programId, ruleId, Ids.next(clock), version, definition, now);
		store.audit(programId, Ids.next(clock), ruleId, version, "changed", changed, actor(actor), now);
		changed(programId);
		return get(programId, ruleId);
	}

	@Transactional
	public Rule activate(String programId, String ruleId, boolean active, String actor) {
		RuleStore.Stored current = locked(programId, ruleId);
		String who = actor(actor);
		if (current.active() == active) {
			return current.view();
		}
		Instant now = clock.instant();
		store.setActive(programId, ruleId, active, now);
		store.audit(programId, Ids.next(clock), ruleId, current.version(), active ? "activated" : "deactivated",
				null, who, now);
		changed(programId);
		return get(programId, ruleId);
	}

	@Transactional
	public void delete(String programId, String ruleId, String actor) {
		RuleStore.Stored current = locked(programId, ruleId);
		String who = actor(actor);
		Instant now = clock.instant();
		store.markDeleted(programId, ruleId, now);
		store.audit(programId, Ids.next(clock), ruleId, current.version(), "deleted", null, who, now);
		changed(programId);
	}

	/** Every node's compiled copy of the programme's rules is now stale; this node's is dropped at once. */
	private void changed(String programId) {
		store.bumpRevision(programId);
		cache.forget(programId);
	}

	public Rule get(String programId, String ruleId) {
		return find(programId, ruleId, false).view();
	}

	public CursorPage<Rule> list(String programId, Boolean active, String trigger, int limit, String cursor) {
		String after = CursorPage.decode(cursor);
		List<Rule> rows = store.page(programId, after, active, trigger, limit + 1)
			.stream()
			.map(RuleStore.Stored::view)
			.toList();
		return CursorPage.of(rows, limit, Rule::id);
	}

	/** The audit trail, oldest first; it outlives the rule's deletion. */
	public List<RuleChange> history(String programId, String ruleId) {
		if (!Ids.isValid(ruleId) || !store.exists(programId, ruleId)) {
			throw notFound(ruleId);
		}
		return store.history(programId, ruleId);
	}

	/** One version's definition, as it was; postings name these. */
	public RuleDefinition version(String programId, String ruleId, int version) {
		if (!Ids.isValid(ruleId)) {
			throw notFound(ruleId);
		}
		return store.version(programId, ruleId, version)
			.orElseThrow(() -> new PhiliaException(RuleProblems.RULE_NOT_FOUND,
					"Rule " + ruleId + " has no version " + version));
	}

	private RuleStore.Stored locked(String programId, String ruleId) {
		return find(programId, ruleId, true);
	}

	private RuleStore.Stored find(String programId, String ruleId, boolean lock) {
		if (!Ids.isValid(ruleId)) {
			throw notFound(ruleId);
		}
		return store.find(programId, ruleId, lock).orElseThrow(() -> notFound(ruleId));
	}

	private static PhiliaException notFound(String ruleId) {
		return new PhiliaException(RuleProblems.RULE_NOT_FOUND, "No rule " + ruleId + " in this programme");
	}

	private static String actor(String actor) {
		if (actor == null || actor.isBlank()) {
			throw InvalidRequest.of("actor", "is required: who makes the change (kept in the rule's history)");
		}
		if (actor.length() > 200) {
			throw InvalidRequest.of("actor", "must be at most 200 characters");
		}
		return actor;
	}

	private static List<String> differences(RuleDefinition a, RuleDefinition b) {
		List<String> changed = new ArrayList<>();
		diff(changed, "name", a.name(), b.name());
		diff(changed, "description", a.description(), b.description());
		diff(changed, "trigger", a.trigger(), b.trigger());
		diff(changed, "condition", a.condition(), b.condition());
		diff(changed, "effect", a.effect(), b.effect());
		diff(changed, "limits", a.limits(), b.limits());
		diff(changed, "validity", a.validity(), b.validity());
		diff(changed, "priority", a.priority(), b.priority());
		diff(changed, "stopFurtherRules", a.stopFurtherRules(), b.stopFurtherRules());
		return changed;
	}

	private static void diff(List<String> changed, String field, Object a, Object b) {
		if (!Objects.equals(a, b)) {
			changed.add(field);
		}
	}
}
