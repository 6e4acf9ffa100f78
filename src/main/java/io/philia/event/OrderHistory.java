package io.philia.event;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.philia.platform.WriteBehind;
import io.philia.rule.PurchaseHistory;

/**
 * A member's paid orders for the rules, from this module's own tables: each order paid (and not
 * cancelled or fully refunded) once, at the time its first order.paid event says it happened.
 */
@Component
class OrderHistory implements PurchaseHistory {

	private final JdbcClient jdbc;

	private final WriteBehind writes;

	OrderHistory(JdbcClient jdbc, WriteBehind writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	@Override
	public List<PastOrder> paidOrders(String programId, String memberId) {
		writes.writeOut();
		return jdbc.sql("""
				select min(e.occurred_at) as paid_at, o.currency, o.total_minor - o.refunded_minor as net
				from inbound_event e
				join store_order o on o.program_id = e.program_id and o.store_id = e.store_id and o.order_id = e.order_id
				where e.program_id = ? and e.member_id = ? and e.type = 'order.paid'
				  and o.status in ('PAID', 'PARTIALLY_REFUNDED')
				group by o.store_id, o.order_id, o.currency, o.total_minor, o.refunded_minor""")
			.params(programId, memberId)
			.query((rs, n) -> new PastOrder(rs.getObject("paid_at", OffsetDateTime.class).toInstant(),
					rs.getString("currency"), rs.getLong("net")))
			.list();
	}
}
