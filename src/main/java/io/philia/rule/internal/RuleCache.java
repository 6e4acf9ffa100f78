package io.philia.rule.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.philia.program.Programmes;

/**
 * Compiled rules per programme, by trigger, compiled once per change. Each use compares the cached copy
 * with the programme's revision (one primary-key read), so a change made on another node is seen at the
 * next event; a programme without rules costs that read and nothing else.
 */
@Component
public class RuleCache {

	/** Highest priority first; equal priorities in the order the rules were created (ids are time-ordered). */
	public static final Comparator<CompiledRule> ORDER = Comparator.comparingInt(CompiledRule::priority)
		.reversed()
		.thenComparing(CompiledRule::id);

	private final RuleStore store;

	private final Programmes programmes;

	private final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

	RuleCache(RuleStore store, Programmes programmes) {
		this.store = store;
		this.programmes = programmes;
	}

	/** A programme's active rules at one revision, and its time zone. */
	public record Snapshot(long revision, ZoneId zone, Map<String, List<CompiledRule>> byTrigger) {

		public List<CompiledRule> forTriggers(List<String> triggers) {
			if (triggers.size() == 1) {
				return byTrigger.getOrDefault(triggers.get(0), List.of());
			}
			List<CompiledRule> rules = new ArrayList<>();
			triggers.forEach(t -> rules.addAll(byTrigger.getOrDefault(t, List.of())));
			rules.sort(ORDER);
			return rules;
		}
	}

	public Snapshot snapshot(String programId) {
		long revision = store.revision(programId);
		Snapshot cached = snapshots.get(programId);
		if (cached != null && cached.revision() == revision) {
			return cached;
		}
		Map<String, List<CompiledRule>> byTrigger = new HashMap<>();
		if (revision > 0) {
			for (var rule : store.active(programId)) {
				byTrigger.computeIfAbsent(rule.definition().trigger(), t -> new ArrayList<>())
					.add(CompiledRule.of(rule.id(), rule.version(), rule.versionId(), rule.definition()));
			}
		}
		byTrigger.replaceAll((trigger, rules) -> rules.stream().sorted(ORDER).toList());
		var fresh = new Snapshot(revision, programmes.get(programId).timeZone(), Map.copyOf(byTrigger));
		// Two threads may compile the same revision at once; either copy is right, the newer revision wins.
		snapshots.merge(programId, fresh, (old, mine) -> mine.revision() >= old.revision() ? mine : old);
		return fresh;
	}
}
