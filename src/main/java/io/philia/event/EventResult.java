package io.philia.event;

import java.time.Instant;
import java.util.List;

import io.philia.ledger.Balance;
import io.philia.rule.RuleOutcome;

/**
 * What an event did. {@code outcome} is {@code processed}, or {@code ignored} with a {@code reason} when
 * the event changes nothing (an order paid twice under two keys earns once). {@code rules} says, for an
 * event that earns, what each rule decided and why.
 */
public record EventResult(String eventId, String type, String outcome, String reason, MemberRef member,
		OrderRef order, PointsRef points, Balance balance, List<RuleOutcome> rules) {

	public record MemberRef(String id, String externalId, boolean enrolled) {
	}

	public record OrderRef(String id, String status) {
	}

	/**
	 * Points this event moved: earned, clawed back, and the part of a clawback that could not be taken
	 * because the member had already spent the points. {@code pending} is how many of the points earned
	 * wait for the store's return window, and {@code availableAt} when they become available (absent while
	 * the window waits for the order's fulfilment).
	 */
	public record PointsRef(long earned, long clawedBack, Long shortfall, Long pending, Instant availableAt) {

		public PointsRef(long earned, long clawedBack, Long shortfall) {
			this(earned, clawedBack, shortfall, null, null);
		}
	}
}
