package io.philia.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.philia.event.EventBatches;
import io.philia.event.EventRequest;
import io.philia.event.EventRequest.LineData;
import io.philia.event.EventRequest.MemberData;
import io.philia.event.EventRequest.OrderData;
import io.philia.member.Members;
import io.philia.program.StoreContext;

/**
 * {@code ./philia dev --demo-size medium|large}: the seeded shop data's orders sent as real order.paid
 * events, in batches, with fixed keys. A database that already has the last generated customer is left
 * as it is, so a restart does not send them again.
 */
@Component
@ConditionalOnProperty(name = "philia.demo.enabled", havingValue = "true")
class GeneratedDemo {

	private static final Logger log = LoggerFactory.getLogger(GeneratedDemo.class);

	static final long SEED = 2026;

	private final EventBatches batches;

	private final Members members;

	private final Clock clock;

	GeneratedDemo(EventBatches batches, Members members, Clock clock) {
		this.batches = batches;
		this.members = members;
		this.clock = clock;
	}

	void seed(StoreContext store, int customers) {
		if (customers == 0) {
			return;
		}
		ShopData data = ShopData.generate(SEED, customers, clock.instant());
		String last = data.customers().get(customers - 1).externalId();
		if (members.byExternalId(store.programId(), last).isPresent()) {
			return;
		}
		log.info("Demo: sending {} generated orders of {} customers (once; this takes a while)", data.orders().size(),
				customers);
		long refused = 0;
		List<ShopData.Order> orders = data.orders();
		for (int from = 0; from < orders.size(); from += EventBatches.MAX_EVENTS) {
			List<EventBatches.Item> items = new ArrayList<>();
			for (ShopData.Order order : orders.subList(from, Math.min(orders.size(), from + EventBatches.MAX_EVENTS))) {
				items.add(new EventBatches.Item("demo-" + order.id(), paid(order)));
			}
			refused += batches.ingest(store, items).stream().filter(o -> o.error() != null).count();
		}
		log.info("Demo: {} generated orders sent, {} refused", orders.size(), refused);
	}

	private static EventRequest paid(ShopData.Order order) {
		var customer = order.customer();
		List<LineData> lines = order.lines()
			.stream()
			.map(l -> new LineData(l.sku(), l.category(), l.brand(), l.quantity(), decimal(l.unitPriceMinor())))
			.toList();
		return new EventRequest("order.paid", order.paidAt().atOffset(ZoneOffset.UTC).toString(),
				new MemberData(customer.externalId(), customer.email(), customer.firstName(), customer.lastName(),
						customer.locale()),
				new OrderData(order.id(), "EUR", decimal(order.totalMinor()), lines), null, null);
	}

	private static String decimal(long minor) {
		return BigDecimal.valueOf(minor, 2).toPlainString();
	}
}
