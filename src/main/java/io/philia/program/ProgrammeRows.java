package io.philia.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import io.philia.platform.Money;
import io.philia.program.EarningRate.Rounding;

/** Programmes and stores as their rows hold them, lifecycle settings included. */
final class ProgrammeRows {

	private ProgrammeRows() {
	}

	static Programme programme(ResultSet rs, int row) throws SQLException {
		String cost = rs.getString("cost_per_point");
		var transfers = new TransferLimits(rs.getBoolean("transfers_enabled"), nullableLong(rs, "transfer_max_points"),
				nullableLong(rs, "transfer_max_sent_month"), nullableLong(rs, "transfer_max_received_month"));
		var settings = new ProgrammeSettings(window(rs, "return_window_days", "return_window_from", "return_window_fulfilled_within"), expiry(rs),
				DebtPolicy.ofLimit(rs.getLong("debt_limit")),
				cost == null ? null : new CostPerPoint(cost, rs.getString("cost_currency")), transfers);
		return new Programme(rs.getString("id"), rs.getString("name"), rs.getString("points_name"),
				ZoneId.of(rs.getString("time_zone")), rs.getString("default_locale"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(), settings);
	}

	static Store store(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		var earning = new EarningRate(rs.getLong("earn_points"), Money.ofMinor(rs.getLong("earn_per_minor"), currency),
				Rounding.valueOf(rs.getString("earn_rounding")));
		ReturnWindow own = window(rs, "return_window_days", "return_window_from", "return_window_fulfilled_within");
		ReturnWindow effective = own != null ? own : window(rs, "p_window_days", "p_window_from", "p_window_within");
		var terms = new PointsTerms(ZoneId.of(rs.getString("time_zone")),
				effective == null || !effective.holds() ? null : effective, expiry(rs),
				DebtPolicy.ofLimit(rs.getLong("debt_limit")));
		return new Store(rs.getString("id"), rs.getString("program_id"), rs.getString("code"), rs.getString("name"),
				currency, earning, rs.getObject("created_at", OffsetDateTime.class).toInstant(), own, terms);
	}

	static ReturnWindow window(ResultSet rs, String days, String from, String within) throws SQLException {
		int value = rs.getInt(days);
		return rs.wasNull() ? null : new ReturnWindow(value, rs.getString(from), rs.getObject(within, Integer.class));
	}

	static ExpiryPolicy expiry(ResultSet rs) throws SQLException {
		return new ExpiryPolicy(rs.getString("expiry_policy"), rs.getObject("expiry_months", Integer.class),
				rs.getString("expiry_date"), rs.getObject("expiry_years_after", Integer.class));
	}

	static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	static Integer windowDays(ReturnWindow window) {
		return window == null ? null : window.days();
	}

	static String windowFrom(ReturnWindow window) {
		return window == null ? null : window.from();
	}

	static Integer windowWithin(ReturnWindow window) {
		return window == null ? null : window.fulfilledWithin();
	}
}
