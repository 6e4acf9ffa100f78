package io.philia.reward.internal;

import static io.philia.reward.internal.CampaignStore.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.platform.AnyOf;
import io.philia.platform.Ids;
import io.philia.platform.WriteBehind;
import io.philia.reward.Cart;
import io.philia.reward.CheckoutOutcome;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkouts and the codes they hold. Every change of status is a guarded update from the status the
 * caller saw, so of a shop's release, the sweep of another node and the order's payment arriving at once,
 * exactly one moves a checkout.
 */
@Repository
public class CheckoutStore {

	private static final String HOOKS_AHEAD = "reward.order-hooks";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final WriteBehind writes;

	CheckoutStore(JdbcClient jdbc, JsonMapper json, WriteBehind writes) {
		this.jdbc = jdbc;
		this.json = json;
		this.writes = writes;
	}

	/** A checkout as stored; statuses are RESERVED, REDEEMED, RELEASED, REVERSED. */
	public record Row(String id, String programId, String storeId, String orderId, String memberId, String status,
			Cart cart, CheckoutOutcome outcome, long points, long restoredPoints, String spendEntryId,
			Instant createdAt, Instant expiresAt, Instant closedAt, String closeReason) {

		public boolean expiredAt(Instant now) {
			return status.equals("RESERVED") && !now.isBefore(expiresAt);
		}
	}

	public void insert(Row r, List<CodeHold> codes) {
		jdbc.sql("""
				insert into checkout (id, program_id, store_id, order_id, open_order_id, member_id, status, currency,
				  cart, outcome, points, restored_points, spend_entry_id, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, 'RESERVED', ?, ?, ?, ?, 0, ?, ?, ?)""")
			.params(r.id(), r.programId(), r.storeId(), r.orderId(), r.orderId(), r.memberId(), r.outcome().currency(),
					json.writeValueAsString(r.cart()), json.writeValueAsString(r.outcome()), r.points(),
					r.spendEntryId(), utc(r.createdAt()), utc(r.expiresAt()))
			.update();
		for (CodeHold hold : codes) {
			jdbc.sql("insert into checkout_code (checkout_id, program_id, code, campaign_id) values (?, ?, ?, ?)")
				.params(r.id(), r.programId(), hold.code(), hold.campaignId())
				.update();
		}
	}

	/** A code a checkout holds, and the campaign whose per-member limit it counts against. */
	public record CodeHold(String code, String campaignId) {
	}

	public List<CodeHold> codes(String checkoutId) {
		return jdbc.sql("select code, campaign_id from checkout_code where checkout_id = ? order by code")
			.param(checkoutId)
			.query((rs, n) -> new CodeHold(rs.getString(1), rs.getString(2)))
			.list();
	}

	public Optional<Row> find(String programId, String storeId, String id) {
		if (!Ids.isValid(id)) {
			return Optional.empty();
		}
		return jdbc.sql("select * from checkout where program_id = ? and store_id = ? and id = ?")
			.params(programId, storeId, id)
			.query(this::row)
			.optional();
	}

	/** The order's open checkout (reserved, or redeemed and not reversed), if any. */
	public Optional<Row> open(String programId, String storeId, String orderId) {
		return jdbc.sql("select * from checkout where program_id = ? and store_id = ? and open_order_id = ?")
			.params(programId, storeId, orderId)
			.query(this::row)
			.optional();
	}

	/**
	 * Moves a checkout from {@code from} to {@code to}; false if it no longer was {@code from}. Leaving the
	 * open statuses frees the order for a new checkout.
	 */
	public boolean transition(String id, String from, String to, String reason, Instant now) {
		boolean open = to.equals("RESERVED") || to.equals("REDEEMED");
		return jdbc.sql("""
				update checkout set status = ?, close_reason = ?, closed_at = ?, open_order_id = %s
				where id = ? and status = ?""".formatted(open ? "open_order_id" : "null"))
			.params(to, reason, utc(now), id, from)
			.update() == 1;
	}

	/** Redeems only a reservation whose time has not run out (the guard reads the clock, not a sweep). */
	public boolean redeem(String id, Instant now) {
		return jdbc.sql("""
				update checkout set status = 'REDEEMED', closed_at = ?
				where id = ? and status = 'RESERVED' and expires_at > ?""")
			.params(utc(now), id, utc(now))
			.update() == 1;
	}

	public void restored(String id, long restoredPoints, String restoreEntryId) {
		jdbc.sql("update checkout set restored_points = ?, restore_entry_id = ? where id = ?")
			.params(restoredPoints, restoreEntryId, id)
			.update();
	}

	/**
	 * Claims reservations whose time ran out, locking them; rows another node is releasing are skipped,
	 * so sweepers on several nodes share the work instead of queueing on it.
	 */
	public List<Row> claimDue(Instant now, int limit) {
		return jdbc.sql("""
				select * from checkout where status = 'RESERVED' and expires_at <= ?
				order by expires_at limit ? for update skip locked""")
			.params(utc(now), limit)
			.query(this::row)
			.list();
	}

	/**
	 * What a paid, cancelled or refunded order may concern here, in one statement: its open checkout, and
	 * for a payment the programme's next-order campaign; for a cancellation, the next-order coupon it earned.
	 * A programme using neither costs this one indexed read per order event.
	 */
	public List<String[]> orderHooks(String programId, String storeId, String orderId, boolean paid) {
		Map<String, List<String[]>> ahead = paid ? writes.memory(HOOKS_AHEAD, () -> null) : null;
		// Taken once: what the order's payment does may change them.
		List<String[]> read = ahead == null ? null : ahead.remove(hookKey(programId, storeId, orderId));
		if (read != null) {
			return read;
		}
		String third = paid
				? "select 'offer', next_order_campaign_id from reward_settings where program_id = :program and next_order_campaign_id is not null"
				: "select 'coupon', code from order_coupon where program_id = :program and store_id = :store and order_id = :order";
		return jdbc.sql("""
				select 'checkout', id from checkout where program_id = :program and store_id = :store and open_order_id = :order
				union all
				""" + third)
			.param("program", programId)
			.param("store", storeId)
			.param("order", orderId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
	}

	/**
	 * The hooks of these paid orders of a micro-batch, read with one statement per store (its checkouts
	 * and its programme's next-order offer) and kept in its transaction for {@link #orderHooks}, in the
	 * order that method gives them.
	 *
	 * @param orders programme, store and order id of each
	 */
	public void readHooksAhead(List<String[]> orders) {
		Map<List<String>, List<String>> ordersByStore = new LinkedHashMap<>();
		orders.forEach(o -> ordersByStore.computeIfAbsent(List.of(o[0], o[1]), s -> new ArrayList<>()).add(o[2]));
		Map<String, List<String[]>> ahead = writes.memory(HOOKS_AHEAD, HashMap::new);
		ordersByStore.forEach((store, orderIds) -> {
			String programId = store.get(0);
			String storeId = store.get(1);
			Map<String, List<String[]>> checkouts = new HashMap<>();
			String offer = null;
			List<String[]> rows = jdbc.sql("""
					select 'checkout', open_order_id, id from checkout
					where program_id = ? and store_id = ? and open_order_id = any(?)
					union all
					select 'offer', null, next_order_campaign_id from reward_settings
					where program_id = ? and next_order_campaign_id is not null""")
				.params(programId, storeId, AnyOf.values(orderIds), programId)
				.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
				.list();
			for (String[] row : rows) {
				if (row[0].equals("offer")) {
					offer = row[2];
				}
				else {
					checkouts.computeIfAbsent(row[1], k -> new ArrayList<>()).add(new String[] { "checkout", row[2] });
				}
			}
			for (String orderId : orderIds) {
				List<String[]> own = new ArrayList<>(checkouts.getOrDefault(orderId, List.of()));
				if (offer != null) {
					own.add(new String[] { "offer", offer });
				}
				ahead.put(hookKey(programId, storeId, orderId), own);
			}
		});
	}

	private static String hookKey(String programId, String storeId, String orderId) {
		return programId + "/" + storeId + "/" + orderId;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime closed = rs.getObject("closed_at", OffsetDateTime.class);
		return new Row(rs.getString("id"), rs.getString("program_id"), rs.getString("store_id"),
				rs.getString("order_id"), rs.getString("member_id"), rs.getString("status"),
				json.readValue(rs.getString("cart"), Cart.class),
				json.readValue(rs.getString("outcome"), CheckoutOutcome.class), rs.getLong("points"),
				rs.getLong("restored_points"), rs.getString("spend_entry_id"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("expires_at", OffsetDateTime.class).toInstant(), closed == null ? null : closed.toInstant(),
				rs.getString("close_reason"));
	}
}
