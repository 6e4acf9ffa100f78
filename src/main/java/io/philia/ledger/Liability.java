package io.philia.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import io.philia.platform.InvalidRequest;
import io.philia.platform.Money;
import io.philia.platform.WriteBehind;
import io.philia.program.CostPerPoint;
import io.philia.program.Programme;
import io.philia.program.Programmes;

/** The liability report: outstanding points and their value, and what moved them, period by period. */
@Service
public class Liability {

	public static final List<String> PERIODS = List.of("day", "week", "month", "quarter", "year");

	static final int MAX_PERIODS = 400;

	private final JdbcClient jdbc;

	private final Programmes programmes;

	private final Clock clock;

	private final WriteBehind writes;

	Liability(JdbcClient jdbc, Programmes programmes, Clock clock, WriteBehind writes) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.clock = clock;
		this.writes = writes;
	}

	/** The report from the first to the last day given (both included), in periods of {@code period}. */
	public LiabilityReport report(String programId, LocalDate from, LocalDate to, String period) {
		if (!PERIODS.contains(period)) {
			throw InvalidRequest.of("period", "must be one of " + PERIODS);
		}
		writes.writeOut();
		if (to.isBefore(from)) {
			throw InvalidRequest.of("to", "must not be before from");
		}
		Programme programme = programmes.get(programId);
		ZoneId zone = programme.timeZone();
		CostPerPoint cost = programme.settings().costPerPoint();
		List<LocalDate> starts = starts(from, to, period);
		Map<Account, Long> running = new EnumMap<>(Account.class);
		running.putAll(memberSums(programId, start(from, zone)));
		var opening = outstanding(start(from, zone), running, cost, null);
		var periods = new ArrayList<LiabilityReport.Period>();
		long[] totals = new long[5];
		for (int i = 0; i < starts.size(); i++) {
			LocalDate first = starts.get(i);
			LocalDate last = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : to;
			Instant begin = start(first, zone);
			Instant end = start(last.plusDays(1), zone);
			long[] moved = movements(programId, begin, end, running);
			for (int k = 0; k < 5; k++) {
				totals[k] += moved[k];
			}
			periods.add(new LiabilityReport.Period(first, last, moved[0], moved[1], moved[2], moved[3], moved[4],
					breakage(moved[3], moved[4]), outstanding(end, running, cost, null)));
		}
		Instant now = clock.instant();
		long debt = jdbc.sql("select coalesce(sum(-available), 0) from member_balance where program_id = ? and available < 0")
			.param(programId)
			.query(Long.class)
			.single();
		var current = outstanding(now, memberSums(programId, null), cost, debt);
		return new LiabilityReport(from, to, period, zone.getId(), cost, opening, periods,
				new LiabilityReport.Totals(totals[0], totals[1], totals[2], totals[3], totals[4],
						breakage(totals[3], totals[4])),
				current);
	}

	/** Issued, clawed back, adjusted, redeemed, expired in [begin, end); member balances roll forward. */
	private long[] movements(String programId, Instant begin, Instant end, Map<Account, Long> running) {
		long[] moved = new long[5];
		jdbc.sql("""
				select e.kind, p.account, sum(p.amount) from journal_entry e join posting p on p.entry_id = e.id
				where e.program_id = ? and e.created_at >= ? and e.created_at < ? group by e.kind, p.account""")
			.params(programId, begin.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> {
				Account account = Account.valueOf(rs.getString(2));
				long amount = rs.getLong(3);
				boolean clawback = rs.getString(1).equals("CLAWBACK");
				switch (account) {
					case PROGRAMME_ISSUED -> moved[clawback ? 1 : 0] += clawback ? amount : -amount;
					case PROGRAMME_ADJUSTMENTS -> moved[2] -= amount;
					case PROGRAMME_REDEEMED -> moved[3] += amount;
					case PROGRAMME_EXPIRED -> moved[4] += amount;
					case MEMBER_AVAILABLE, MEMBER_PENDING -> running.merge(account, amount, Long::sum);
					default -> {
						// transfers and merges move points between members: nothing for the programme
					}
				}
				return account;
			})
			.list();
		return moved;
	}

	private Map<Account, Long> memberSums(String programId, Instant before) {
		Map<Account, Long> sums = new EnumMap<>(Account.class);
		sums.put(Account.MEMBER_AVAILABLE, 0L);
		sums.put(Account.MEMBER_PENDING, 0L);
		String sql = """
				select p.account, sum(p.amount) from journal_entry e join posting p on p.entry_id = e.id
				where e.program_id = ? and p.account in ('MEMBER_AVAILABLE', 'MEMBER_PENDING')"""
				+ (before == null ? "" : " and e.created_at < ?") + " group by p.account";
		var query = jdbc.sql(sql).param(programId);
		if (before != null) {
			query = query.param(before.atOffset(ZoneOffset.UTC));
		}
		query.query((rs, n) -> sums.put(Account.valueOf(rs.getString(1)), rs.getLong(2))).list();
		return sums;
	}

	private static LiabilityReport.Outstanding outstanding(Instant at, Map<Account, Long> sums, CostPerPoint cost,
			Long debt) {
		long available = sums.getOrDefault(Account.MEMBER_AVAILABLE, 0L);
		long pending = sums.getOrDefault(Account.MEMBER_PENDING, 0L);
		return new LiabilityReport.Outstanding(at, available, pending, available + pending,
				value(available + pending, cost), debt);
	}

	/** Points × cost per point, rounded half-up to the currency's smallest unit. */
	static Money value(long points, CostPerPoint cost) {
		if (cost == null) {
			return null;
		}
		Money unit = Money.ofMinor(0, cost.currency());
		int digits = Math.max(unit.currency().getDefaultFractionDigits(), 0);
		BigDecimal value = cost.value().multiply(BigDecimal.valueOf(points)).setScale(digits, RoundingMode.HALF_UP);
		return Money.ofMinor(value.movePointRight(digits).longValueExact(), cost.currency());
	}

	static String breakage(long redeemed, long expired) {
		long out = redeemed + expired;
		if (out <= 0) {
			return null;
		}
		return BigDecimal.valueOf(expired).divide(BigDecimal.valueOf(out), 4, RoundingMode.HALF_UP).toPlainString();
	}

	private static Instant start(LocalDate day, ZoneId zone) {
		return day.atStartOfDay(zone).toInstant();
	}

	/** First days of the periods that cover [from, to]; the first period starts at {@code from}. */
	static List<LocalDate> starts(LocalDate from, LocalDate to, String period) {
		var starts = new ArrayList<LocalDate>();
		LocalDate next = from;
		while (!next.isAfter(to)) {
			starts.add(next);
			if (starts.size() > MAX_PERIODS) {
				throw InvalidRequest.of("period", "gives more than " + MAX_PERIODS + " periods; choose a longer one");
			}
			next = switch (period) {
				case "day" -> next.plusDays(1);
				case "week" -> next.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
				case "month" -> next.withDayOfMonth(1).plusMonths(1);
				case "quarter" -> next.withDayOfMonth(1).minusMonths((next.getMonthValue() - 1) % 3).plusMonths(3);
				default -> next.withDayOfYear(1).plusYears(1);
			};
		}
		return starts;
	}
}
