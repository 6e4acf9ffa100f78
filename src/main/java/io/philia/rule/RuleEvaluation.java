package io.philia.rule;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.ledger.Availability;
import io.philia.ledger.Cause;
import io.philia.ledger.Movement;
import io.philia.ledger.PointsLedger;
import io.philia.program.EarningRate;
import io.philia.rule.internal.Evaluator;
import io.philia.rule.internal.Facts;
import io.philia.rule.internal.RuleCache;
import io.philia.rule.internal.UsageStore;

/**
 * What an event earns under the programme's rules: {@link #simulate} says it and writes nothing;
 * {@link #earn} posts it to the ledger, with each rule's part, in the caller's transaction.
 */
@Service
public class RuleEvaluation {

	private final RuleCache cache;

	private final UsageStore usage;

	private final PointsLedger ledger;

	private final ObjectProvider<PurchaseHistory> history;

	private volatile PurchaseHistory resolvedHistory;

	RuleEvaluation(RuleCache cache, UsageStore usage, PointsLedger ledger, ObjectProvider<PurchaseHistory> history) {
		this.cache = cache;
		this.usage = usage;
		this.ledger = ledger;
		this.history = history;
	}

	/** The points the event would earn now, rule by rule, and why; nothing is written. */
	public Earning simulate(EarningContext context) {
		Evaluator.Result result = evaluate(context, usage.reading(context.programId()));
		return new Earning(result.points(), result.outcomes(), null);
	}

	/**
	 * Earns what the rules give for the event: one ledger entry naming each rule version's part, and the
	 * rules' limits updated, all in the caller's transaction.
	 */
	@Transactional
	public Earning earn(EarningContext context, Cause cause) {
		return post(decide(context), cause);
	}

	/**
	 * Decides what the event earns and locks the limits it counts against until the transaction ends;
	 * nothing is written until {@link #post}. A decision that is never posted changes nothing.
	 */
	@Transactional
	public PendingEarning decide(EarningContext context) {
		return new PendingEarning(context, evaluate(context, usage.locking(context.programId())));
	}

	/** Posts a decided earning: the ledger entry (if any points) and what the rules' limits have used. */
	@Transactional
	public Earning post(PendingEarning earning, Cause cause) {
		return post(earning, cause, Availability.NOW);
	}

	/**
	 * Posts a decided earning whose points become available as {@code availability} says (an order's
	 * return window), under the terms of the store the event came from.
	 */
	@Transactional
	public Earning post(PendingEarning earning, Cause cause, Availability availability) {
		EarningContext context = earning.context();
		Evaluator.Result result = earning.result();
		Movement movement = null;
		if (result.points() > 0) {
			movement = context.store() == null
					? ledger.earn(context.programId(), context.member().id(), result.points(), cause,
							result.attributions())
					: ledger.earn(context.programId(), context.member().id(), result.points(), cause,
							result.attributions(), context.store().terms(), availability);
		}
		usage.add(context.programId(), result.uses());
		return new Earning(result.points(), result.outcomes(), movement);
	}

	private Evaluator.Result evaluate(EarningContext context, Evaluator.Usage used) {
		var snapshot = cache.snapshot(context.programId());
		var rules = snapshot.forTriggers(triggers(context.trigger()));
		EarningRate storeRate = context.trigger().equals("order.paid") && context.store() != null
				? context.store().earning() : null;
		PurchaseHistory source = purchaseHistory();
		var facts = new Facts(context, snapshot.zone(), () -> source == null ? List.of()
				: source.paidOrders(context.programId(), context.member().id()));
		return Evaluator.evaluate(rules, storeRate, facts, used);
	}

	/**
	 * The module that keeps orders, looked up once: resolving it through the bean factory at every event
	 * was measured at almost half of an evaluation's time (issue #3's profile).
	 */
	private PurchaseHistory purchaseHistory() {
		PurchaseHistory source = resolvedHistory;
		if (source == null) {
			source = history.getIfAvailable();
			resolvedHistory = source;
		}
		return source;
	}

	/** Whether the programme has active rules for the trigger: without any, there is nothing to evaluate. */
	public boolean hasRules(String programId, String trigger) {
		return !cache.snapshot(programId).forTriggers(triggers(trigger)).isEmpty();
	}

	/** Rules on profile changes also run when a member enrols: the profile went from nothing to filled. */
	private static List<String> triggers(String trigger) {
		return trigger.equals("member.enrolled") ? List.of("member.enrolled", "member.changed") : List.of(trigger);
	}
}
