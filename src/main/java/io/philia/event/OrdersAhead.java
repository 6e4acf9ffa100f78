package io.philia.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.philia.platform.AnyOf;
import io.philia.platform.BatchReads;
import io.philia.platform.WriteBehind;

/**
 * Reads which of a micro-batch's orders exist at its start, one statement per store, so that a new order
 * is an insert deferred to the commit instead of one sent at once to find out ({@link OrderBook#insert}).
 * An order another transaction records meanwhile makes the commit fail, and the batch runs again piece
 * by piece, each insert sent at once.
 */
@Component
class OrdersAhead implements BatchReads {

	static final String MEMORY = "event.orders-ahead";

	private final JdbcClient jdbc;

	private final WriteBehind writes;

	OrdersAhead(JdbcClient jdbc, WriteBehind writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	/** What a batch knows of its orders: which it looked up, which exist (or it recorded), which wait to go out. */
	static final class Known {

		final Set<String> read = new HashSet<>();

		final Set<String> existing = new HashSet<>();

		/** New orders' deferred inserts. */
		final Map<String, WriteBehind.Deferred> pending = new HashMap<>();

		static String key(String programId, String storeId, String orderId) {
			return programId + "/" + storeId + "/" + orderId;
		}
	}

	@Override
	public void readAhead(List<Object> hints) {
		Map<List<String>, List<String>> ordersByStore = new LinkedHashMap<>();
		for (Object hint : hints) {
			if (hint instanceof QueuedEvent event && event.orderId() != null) {
				ordersByStore.computeIfAbsent(List.of(event.programId(), event.storeId()), s -> new ArrayList<>())
					.add(event.orderId());
			}
		}
		if (ordersByStore.isEmpty()) {
			return;
		}
		Known known = writes.memory(MEMORY, Known::new);
		ordersByStore.forEach((store, orderIds) -> {
			jdbc.sql("select order_id from store_order where program_id = ? and store_id = ? and order_id = any(?)")
				.params(store.get(0), store.get(1), AnyOf.values(orderIds))
				.query(String.class)
				.list()
				.forEach(orderId -> known.existing.add(Known.key(store.get(0), store.get(1), orderId)));
			orderIds.forEach(orderId -> known.read.add(Known.key(store.get(0), store.get(1), orderId)));
		});
	}
}
