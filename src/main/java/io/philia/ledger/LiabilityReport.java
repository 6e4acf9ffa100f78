package io.philia.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.philia.platform.Money;
import io.philia.program.CostPerPoint;

/**
 * What the points a programme has given are worth to finance, period by period in its time zone:
 * points issued (earned), clawed back (refunds, cancellations), adjusted by hand, redeemed (spent less
 * restored) and expired, and the points outstanding (pending and available) at the end of each period
 * with their value at the programme's cost per point. For every period, outstanding at its start +
 * issued − clawed back + adjusted − redeemed − expired = outstanding at its end.
 *
 * <p>The breakage rate is expired ÷ (redeemed + expired): the share of points that left circulation
 * without being used (absent when none left it).
 */
public record LiabilityReport(LocalDate from, LocalDate to, String period, String timeZone, CostPerPoint costPerPoint,
		Outstanding opening, List<Period> periods, Totals totals, Outstanding now) {

	/** Points outstanding at a moment: available (net of members' debts) and pending, and their value. */
	public record Outstanding(Instant at, long available, long pending, long points, Money value, Long debt) {
	}

	public record Period(LocalDate from, LocalDate to, long issued, long clawedBack, long adjusted, long redeemed,
			long expired, String breakageRate, Outstanding end) {
	}

	public record Totals(long issued, long clawedBack, long adjusted, long redeemed, long expired, String breakageRate) {
	}
}
