package io.philia.rule.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import io.philia.platform.Transactions;
import io.philia.program.Programmes;
import io.philia.rule.RuleSettings;

/**
 * Compiled rules per programme, by trigger, compiled once per change. A copy is used without a query for
 * {@code philia.rule-recheck} (5 s); then it is compared with the programme's revision (one primary-key
 * read, which was one of every event's statements: issue #3). A change made through this node is seen
 * at once ({@link #forget}); one made on another node within the recheck time, as for stores.
 */
@Component
public class RuleCache {

	/** Highest priority first; equal priorities in the order the rules were created (ids are time-ordered). */
	public static final Comparator<CompiledRule> ORDER = Comparator.comparingInt(CompiledRule::priority)
		.reversed()
		.thenComparing(CompiledRule::id);

	private final RuleStore store;

	private final Programmes programmes;

	private final Clock clock;

	private final Duration recheck;

	private final Map<String, Checked> snapshots = new ConcurrentHashMap<>();

	/** Counts {@link #forget}s: a copy read while one happened is not kept (it may predate the change). */
	private final AtomicLong forgets = new AtomicLong();

	RuleCache(RuleStore store, Programmes programmes, Clock clock, RuleSettings settings) {
		this.store = store;
		this.programmes = programmes;
		this.clock = clock;
		this.recheck = settings.ruleRecheck();
	}

	/** A snapshot and when its revision was last read. */
	private record Checked(Snapshot snapshot, Instant at) {
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
		Instant now = clock.instant();
		Checked checked = snapshots.get(programId);
		if (checked != null && now.isBefore(checked.at().plus(recheck))) {
			return checked.snapshot();
		}
		long generation = forgets.get();
		long revision = store.revision(programId);
		if (checked != null && checked.snapshot().revision() == revision) {
			keep(programId, new Checked(checked.snapshot(), now), generation);
			return checked.snapshot();
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
		keep(programId, new Checked(fresh, now), generation);
		return fresh;
	}

	/**
	 * The programme's rules changed through this node: the next use reads the revision again, now and once
	 * the change is committed (a use between the change and its commit may have read the old revision).
	 */
	public void forget(String programId) {
		Transactions.nowAndAtTheEnd(() -> drop(programId));
	}

	private void drop(String programId) {
		forgets.incrementAndGet();
		snapshots.remove(programId);
	}

	private void keep(String programId, Checked checked, long generation) {
		// Two threads may compile the same revision at once; either copy is right, the newer revision wins.
		snapshots.merge(programId, checked,
				(old, mine) -> mine.snapshot().revision() >= old.snapshot().revision() ? mine : old);
		if (forgets.get() != generation) {
			// A change was forgotten while this copy was read: it may be the old one. Read again next time.
			// (This very copy: records compare by value, which would walk the compiled rules.)
			snapshots.computeIfPresent(programId, (id, now) -> now == checked ? null : now);
		}
	}
}
