package io.philia.platform;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows sent with one statement: one update for a single row, else one JDBC batch. The values are bound
 * as they are ({@code setObject}, and an untyped {@code setNull}, which both drivers accept and
 * PostgreSQL types from the statement): Spring's general binding looks up the driver's name through the
 * connection's metadata for every null and tests each value's class first, a measurable share of the
 * writers' time on the hot path (issue #3's profile), for the same result with the values Philia writes
 * (strings, numbers, booleans, java.time values).
 */
public final class Batches {

	private Batches() {
	}

	public static void send(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
		if (rows.size() == 1) {
			Object[] row = rows.get(0);
			jdbc.update(sql, ps -> bind(ps, row));
		}
		else if (!rows.isEmpty()) {
			jdbc.batchUpdate(sql, rows, rows.size(), Batches::bind);
		}
	}

	private static void bind(PreparedStatement ps, Object[] row) throws SQLException {
		for (int i = 0; i < row.length; i++) {
			if (row[i] == null) {
				ps.setNull(i + 1, Types.NULL);
			}
			else {
				ps.setObject(i + 1, row[i]);
			}
		}
	}
}
