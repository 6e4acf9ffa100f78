package io.philia.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A member's points as their points view shows them: the balance, then "X points expire on D" for the
 * next expiry dates, and when pending points become available. Points due by now are already counted
 * where they belong, even if the scheduled jobs have not run yet.
 *
 * @param expiring points by last day of use, soonest first, pending ones included (under the inactivity
 * policy, the day all points expire unless the member is active before it, marked {@code unlessActive})
 * @param releases pending points by the time they become available, soonest first
 * @param awaitingFulfilment pending points of orders whose return window starts when they are fulfilled
 */
public record PointsSummary(long available, long pending, long lifetimeEarned, List<Expiring> expiring,
		List<Release> releases, Long awaitingFulfilment) {

	/** The points of a member who never had any. */
	public static final PointsSummary NONE = new PointsSummary(0, 0, 0, null, null, null);

	public record Expiring(long points, LocalDate on, Boolean unlessActive) {
	}

	public record Release(long points, Instant at) {
	}
}
