package io.philia.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.platform.WriteBehind;

/**
 * The orders of each store, locked one at a time while an event changes them. An order's lines and its
 * link to its earning are deferred to the commit ({@link WriteBehind}), batched with the other orders of
 * the micro-batch; every read here writes them out first.
 */
@Repository
class OrderBook {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final WriteBehind writes;

	OrderBook(JdbcClient jdbc, Clock clock, WriteBehind writes) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.writes = writes;
	}

	/** Whose order it is, read without a lock (to route the order's events to its customer's writer). */
	Optional<String> memberOf(String programId, String storeId, String orderId) {
		writes.writeOut();
		return jdbc.sql("select member_id from store_order where program_id = ? and store_id = ? and order_id = ?")
			.params(programId, storeId, orderId)
			.query(String.class)
			.optional();
	}

	/** The order, locked until the transaction ends, so that two events of one order never interleave. */
	Optional<StoreOrder> lock(String programId, String storeId, String orderId) {
		writes.writeOut();
		return jdbc.sql("select * from store_order where program_id = ? and store_id = ? and order_id = ? for update")
			.params(programId, storeId, orderId)
			.query((rs, n) -> order(rs, lines(programId, storeId, orderId)))
			.optional();
	}

	/**
	 * Records a new order; false if a concurrent event recorded it first (the caller then locks that one).
	 * In a micro-batch that looked its orders up ({@link OrdersAhead}), one known not to exist is an insert
	 * deferred to the commit, one known to exist (or recorded by the batch) is not tried again.
	 */
	boolean insert(String programId, String storeId, StoreOrder order) {
		OrdersAhead.Known known = writes.memory(OrdersAhead.MEMORY, () -> null);
		String key = OrdersAhead.Known.key(programId, storeId, order.orderId());
		if (known != null && known.read.contains(key)) {
			if (!known.existing.add(key)) {
				return false;
			}
			Object[] row = row(programId, storeId, order);
			known.pending.put(key, writes.deferChangeable(INSERT, row));
			writeLines(programId, storeId, order);
			return true;
		}
		int inserted = jdbc.sql(INSERT + " on conflict do nothing").params(row(programId, storeId, order)).update();
		if (inserted == 1) {
			writeLines(programId, storeId, order);
		}
		return inserted == 1;
	}

	private static final String INSERT = """
			insert into store_order (program_id, store_id, order_id, member_id, status, currency, total_minor,
			  refunded_minor, earned_points, clawed_back_points, earn_entry_id, updated_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	/** Where {@link #INSERT}'s row holds earn_entry_id. */
	private static final int EARN_ENTRY_ID = 10;

	private Object[] row(String programId, String storeId, StoreOrder order) {
		return new Object[] { programId, storeId, order.orderId(), order.memberId(), order.status().name(),
				order.currency(), order.totalMinor(), order.refundedMinor(), order.earnedPoints(),
				order.clawedBackPoints(), order.earnEntryId(), clock.instant().atOffset(ZoneOffset.UTC) };
	}

	void update(String programId, String storeId, StoreOrder order, boolean linesChanged) {
		jdbc.sql("""
				update store_order set status = ?, total_minor = ?, refunded_minor = ?, earned_points = ?,
				  clawed_back_points = ?, earn_entry_id = ?, fulfilled_at = ?, updated_at = ?
				where program_id = ? and store_id = ? and order_id = ?""")
			.params(order.status().name(), order.totalMinor(), order.refundedMinor(), order.earnedPoints(),
					order.clawedBackPoints(), order.earnEntryId(),
					order.fulfilledAt() == null ? null : order.fulfilledAt().atOffset(ZoneOffset.UTC),
					clock.instant().atOffset(ZoneOffset.UTC), programId, storeId, order.orderId())
			.update();
		if (linesChanged) {
			jdbc.sql("delete from store_order_line where program_id = ? and store_id = ? and order_id = ?")
				.params(programId, storeId, order.orderId())
				.update();
			writeLines(programId, storeId, order);
		}
	}

	/** Links an order to the journal entry that credited its points (refunds name it as what they correct). */
	void recordEarning(String programId, String storeId, String orderId, String entryId) {
		// An insert that has not gone out carries the link itself: an update could go out before it.
		OrdersAhead.Known known = writes.memory(OrdersAhead.MEMORY, () -> null);
		String key = OrdersAhead.Known.key(programId, storeId, orderId);
		Object[] waiting = known == null || !known.pending.containsKey(key) ? null : known.pending.get(key).waiting();
		if (waiting != null) {
			waiting[EARN_ENTRY_ID] = entryId;
			return;
		}
		writes.defer("update store_order set earn_entry_id = ? where program_id = ? and store_id = ? and order_id = ?",
				entryId, programId, storeId, orderId);
	}

	/**
	 * Deferred: the lines of every order of the micro-batch go as one JDBC batch, with reWriteBatchedInserts
	 * (PostgreSQL) multi-row inserts. A rewrite of an order's lines deletes the old ones now, after its
	 * lock wrote out any pending insert of them.
	 */
	private void writeLines(String programId, String storeId, StoreOrder order) {
		List<OrderLine> lines = order.lines();
		for (int i = 0; i < lines.size(); i++) {
			OrderLine line = lines.get(i);
			writes.defer("""
					insert into store_order_line (program_id, store_id, order_id, line_no, sku, category, brand,
					  quantity, unit_price_minor, refunded_quantity)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", programId, storeId, order.orderId(), i + 1, line.sku(),
					line.category(), line.brand(), line.quantity(), line.unitPriceMinor(), line.refundedQuantity());
		}
	}

	private List<OrderLine> lines(String programId, String storeId, String orderId) {
		return jdbc.sql("select * from store_order_line where program_id = ? and store_id = ? and order_id = ? order by line_no")
			.params(programId, storeId, orderId)
			.query((rs, n) -> new OrderLine(rs.getString("sku"), rs.getString("category"), rs.getString("brand"),
					rs.getInt("quantity"), rs.getLong("unit_price_minor"), rs.getInt("refunded_quantity")))
			.list();
	}

	/** A merged member's orders become the surviving member's: their refunds then find the points. */
	void reassign(String programId, String fromMemberId, String toMemberId) {
		writes.writeOut();
		jdbc.sql("update store_order set member_id = ? where program_id = ? and member_id = ?")
			.params(toMemberId, programId, fromMemberId)
			.update();
	}

	private static StoreOrder order(ResultSet rs, List<OrderLine> lines) throws SQLException {
		var fulfilled = rs.getObject("fulfilled_at", java.time.OffsetDateTime.class);
		return new StoreOrder(rs.getString("order_id"), rs.getString("member_id"),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("currency"), rs.getLong("total_minor"),
				rs.getLong("refunded_minor"), rs.getLong("earned_points"), rs.getLong("clawed_back_points"),
				rs.getString("earn_entry_id"), lines, fulfilled == null ? null : fulfilled.toInstant());
	}
}
