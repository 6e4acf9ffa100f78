package io.philia.event;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import io.philia.event.EventResult.MemberRef;
import io.philia.event.EventResult.OrderRef;
import io.philia.event.EventResult.PointsRef;
import io.philia.ledger.Availability;
import io.philia.ledger.Cause;
import io.philia.ledger.Movement;
import io.philia.ledger.PointsLedger;
import io.philia.member.Identified;
import io.philia.member.Member;
import io.philia.member.MemberIdentity;
import io.philia.member.Members;
import io.philia.member.NamedMember;
import io.philia.platform.GroupCommit;
import io.philia.platform.Ids;
import io.philia.platform.Idempotency;
import io.philia.platform.Money;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;
import io.philia.platform.WriteBehind;
import io.philia.program.Programmes;
import io.philia.program.ReturnWindow;
import io.philia.program.Store;
import io.philia.program.StoreContext;
import io.philia.rule.PendingEarning;
import io.philia.rule.RuleEvaluation;
import io.philia.rule.RuleOutcome;

/**
 * The hot path: an event is validated, its member identified (enrolled if new), its order moved to its
 * next state and the points posted, all in one transaction that also stores the answer under the
 * event's idempotency key. A retry returns that answer; nothing is applied twice.
 */
@Service
public class EventIngestion {

	private final Idempotency idempotency;

	private final GroupCommit groupCommit;

	private final Programmes programmes;

	private final Members members;

	private final PointsLedger ledger;

	private final OrderBook orders;

	private final RuleEvaluation rules;

	private final Clock clock;

	private final ApplicationEventPublisher publisher;

	private final WriteBehind writes;

	EventIngestion(Idempotency idempotency, GroupCommit groupCommit, Programmes programmes, Members members, PointsLedger ledger,
			OrderBook orders, RuleEvaluation rules, Clock clock, ApplicationEventPublisher publisher,
			WriteBehind writes) {
		this.publisher = publisher;
		this.writes = writes;
		this.idempotency = idempotency;
		this.groupCommit = groupCommit;
		this.programmes = programmes;
		this.members = members;
		this.ledger = ledger;
		this.orders = orders;
		this.rules = rules;
		this.clock = clock;
	}

	/** What {@link #ingest} answered, and whether it is the stored answer of an earlier request. */
	public record Ingested(EventResult result, boolean replayed) {
	}

	public Ingested ingest(StoreContext caller, String idempotencyKey, EventRequest request) {
		return GroupCommit.await(submit(prepare(caller, idempotencyKey, request, null)));
	}

	/** An event that passed validation, with the writer it goes to, its key's claim and the work that applies it. */
	record Prepared(String shardKey, Idempotency.Claim claim, List<Object> hints,
			Supplier<Idempotency.Outcome<EventResult>> work) {
	}

	/**
	 * Validates the event (a refusal is thrown here, before anything is queued) and routes it.
	 *
	 * @param shardsByOrder in a batch, the writer of each order an earlier event of the batch named, so that
	 * a refund follows the payment it refunds; null for a single event
	 */
	Prepared prepare(StoreContext caller, String idempotencyKey, EventRequest request, Map<String, String> shardsByOrder) {
		Idempotency.checkKey(idempotencyKey);
		ValidEvent event = EventValidation.validate(request, clock);
		String shard = event.identity() == null && event.orderId() != null && shardsByOrder != null
				&& shardsByOrder.containsKey(event.orderId()) ? shardsByOrder.get(event.orderId())
						: shardKey(caller, event);
		if (shardsByOrder != null && event.orderId() != null) {
			shardsByOrder.putIfAbsent(event.orderId(), shard);
		}
		// Written here, on the caller's thread: the writer's is the one every event of its shard waits for.
		Idempotency.Canonical body = idempotency.canonical(request);
		// Keys are the store's own: two stores of a programme may use the same key for different events.
		Idempotency.Claim claim = idempotency.claim(caller.programId(), "event:" + caller.storeId(), idempotencyKey, body);
		// What the writer may read for the whole micro-batch: the order's hooks, the customer.
		var queued = new QueuedEvent(caller.programId(), caller.storeId(), event.type(), event.orderId());
		List<Object> hints = event.identity() == null ? List.of(queued)
				: List.of(queued, new NamedMember(caller.programId(), event.identity()));
		return new Prepared(shard, claim, hints, () -> idempotency.once(claim, EventResult.class,
				() -> process(caller, idempotencyKey, request, body, event)));
	}

	/** Queues a prepared event for its writer; completes once it is committed. */
	CompletableFuture<Ingested> submit(Prepared prepared) {
		return groupCommit.submit(prepared.shardKey(), prepared.claim(), prepared.hints(), prepared.work())
			.thenApply(outcome -> new Ingested(outcome.value(), outcome.replayed()));
	}

	/**
	 * Events of one customer go to one writer, so that two writers rarely wait for the same member's rows.
	 * An event that does not name its customer (a refund, a cancellation) goes where its order's customer
	 * goes: two primary-key reads, cheap beside a commit.
	 */
	private String shardKey(StoreContext caller, ValidEvent event) {
		MemberIdentity who = event.identity();
		if (who == null) {
			who = orders.memberOf(caller.programId(), caller.storeId(), event.orderId())
				.flatMap(memberId -> members.find(caller.programId(), memberId))
				.map(m -> new MemberIdentity(m.externalId(), m.email(), null, null, null))
				.orElse(null);
		}
		String key = who == null ? "order:" + event.orderId() : who.externalId() != null ? who.externalId() : who.email();
		return caller.programId() + "/" + key;
	}

	private EventResult process(StoreContext caller, String key, EventRequest request, Idempotency.Canonical body,
			ValidEvent event) {
		String programId = caller.programId();
		Store store = programmes.recentStore(programId, caller.storeId());
		String eventId = Ids.next(clock);
		Step step = switch (event.type()) {
			case "order.placed" -> placed(store, event);
			case "order.paid" -> paid(store, event, eventId);
			case "order.fulfilled" -> fulfilled(store, event);
			case "order.cancelled" -> cancelled(store, event, eventId);
			case "order.refunded" -> refunded(store, event, eventId);
			default -> custom(store, event, request, eventId);
		};
		record(caller, key, body, event, eventId, step.member().id());
		if (step.ignored() == null) {
			// Listeners (rewards: checkouts, next-order coupons) run here, inside the event's transaction.
			Object published = OrderEvents.of(programId, store.id(), event, step.order(), step.wasPaid(), eventId);
			if (published != null) {
				publisher.publishEvent(published);
			}
		}
		Movement movement = step.movement();
		boolean earning = movement != null && movement.kind() == Movement.Kind.EARN;
		long earned = earning ? movement.total() : 0;
		long clawedBack = movement != null && movement.kind() == Movement.Kind.CLAWBACK ? -movement.total() : 0;
		Long shortfall = movement == null ? null : movement.shortfall();
		Long pending = earning ? movement.pending() : null;
		Instant availableAt = earning && pending != null ? movement.availableAt() : step.availableAt();
		return new EventResult(eventId, event.type(), step.ignored() == null ? "processed" : "ignored",
				step.ignored(), new MemberRef(step.member().id(), step.member().externalId(), step.enrolled()),
				step.order() == null ? null : new OrderRef(step.order().orderId(), step.order().status().api()),
				new PointsRef(earned, clawedBack, shortfall, pending, availableAt),
				ledger.balance(programId, step.member().id()), step.rules());
	}

	/**
	 * What handling one event did: to whom, to which order, the points it moved, or why it changed nothing;
	 * for an earning, what each rule decided.
	 */
	private record Step(Member member, boolean enrolled, StoreOrder order, Movement movement, String ignored,
			List<RuleOutcome> rules, Instant availableAt, boolean wasPaid) {

		Step(Member member, boolean enrolled, StoreOrder order, Movement movement, String ignored,
				List<RuleOutcome> rules) {
			this(member, enrolled, order, movement, ignored, rules, null, false);
		}

		Step(Member member, boolean enrolled, StoreOrder order, Movement movement, String ignored) {
			this(member, enrolled, order, movement, ignored, null, null, false);
		}
	}

	private Step placed(Store store, ValidEvent event) {
		requireStoreCurrency(store, event.total());
		Identified who = members.identify(store.programId(), event.identity());
		var fresh = StoreOrder.placed(event.orderId(), who.member().id(), store.currency(), event.total().minor(),
				event.lines());
		if (orders.insert(store.programId(), store.id(), fresh)) {
			return new Step(who.member(), who.enrolled(), fresh, null, null);
		}
		StoreOrder known = lockOwnOrder(store, event.orderId(), who.member());
		return new Step(who.member(), who.enrolled(), known, null,
				"order " + event.orderId() + " is already " + known.status().api());
	}

	private Step paid(Store store, ValidEvent event, String eventId) {
		requireStoreCurrency(store, event.total());
		Identified who = members.identify(store.programId(), event.identity());
		// The rules decide the points; the store's rate is their default (issue #5).
		PendingEarning earning = rules.decide(RuleContexts.of(store, event, event.type(), who.member(), eventId, null));
		long points = earning.points();
		var fresh = StoreOrder.placed(event.orderId(), who.member().id(), store.currency(), event.total().minor(),
				event.lines());
		fresh.pay(event.total().minor(), event.lines(), points);
		// The usual case, an order Philia hears of when it is paid, is one insert.
		if (orders.insert(store.programId(), store.id(), fresh)) {
			Movement movement = earn(store, fresh, event, eventId, earning);
			return new Step(who.member(), who.enrolled(), fresh, movement, null, earning.rules());
		}
		StoreOrder order = lockOwnOrder(store, event.orderId(), who.member());
		if (order.status() == OrderStatus.CANCELLED) {
			throw new PhiliaException(EventProblems.ORDER_CANCELLED,
					"Order " + event.orderId() + " was cancelled; it cannot be paid");
		}
		if (order.status() != OrderStatus.PLACED) {
			return new Step(who.member(), who.enrolled(), order, null,
					"order " + event.orderId() + " is already " + order.status().api() + "; it earns once");
		}
		order.pay(event.total().minor(), event.lines(), points);
		orders.update(store.programId(), store.id(), order, true);
		Movement movement = earn(store, order, event, eventId, earning);
		return new Step(who.member(), who.enrolled(), order, movement, null, earning.rules());
	}

	private Movement earn(Store store, StoreOrder order, ValidEvent event, String eventId, PendingEarning earning) {
		Movement movement = rules.post(earning, Cause.order(order.orderId(), eventId), availability(store, order, event))
			.movement();
		if (movement == null) {
			return null;
		}
		order.earnedBy(movement.id());
		orders.recordEarning(store.programId(), store.id(), order.orderId(), movement.id());
		return movement;
	}

	/**
	 * When an order's points become available: at once without a return window; else when the window that
	 * opened at payment, or at fulfilment, closes. Not fulfilled yet, they wait for it, or, with a deadline
	 * for fulfilment, until the window that would open then closes (an earlier fulfilment brings it
	 * forward). A time in the store's future counts from now: a window never starts later than Philia
	 * heard of it.
	 */
	private Availability availability(Store store, StoreOrder order, ValidEvent event) {
		ReturnWindow window = store.terms().returnWindow();
		if (window == null) {
			return Availability.NOW;
		}
		Instant paid = notLaterThanNow(event.occurredAt());
		Instant start = !window.countsFromFulfilment() ? paid
				: order.fulfilledAt() != null ? order.fulfilledAt()
						: window.fulfilledAtTheLatest(paid, store.terms().zone());
		return start == null ? Availability.ON_FULFILMENT
				: Availability.at(window.closesAt(start, store.terms().zone()));
	}

	/**
	 * The store fulfilled the order: remembered, and where the return window counts from fulfilment, the
	 * order's pending points get their release time.
	 */
	private Step fulfilled(Store store, ValidEvent event) {
		Member named = event.identity() == null ? null : members.identify(store.programId(), event.identity()).member();
		StoreOrder order = orders.lock(store.programId(), store.id(), event.orderId())
			.orElseThrow(() -> new PhiliaException(EventProblems.ORDER_UNKNOWN, "Philia has no order "
					+ event.orderId() + " in this store; send order.placed or order.paid before order.fulfilled"));
		Member member = owner(store, order, named);
		if (order.fulfilledAt() != null) {
			return new Step(member, false, order, null,
					"order " + event.orderId() + " was already fulfilled at " + order.fulfilledAt());
		}
		Instant at = notLaterThanNow(event.occurredAt());
		order.fulfil(at);
		orders.update(store.programId(), store.id(), order, false);
		ReturnWindow window = store.terms().returnWindow();
		Instant availableAt = null;
		if (window != null && window.countsFromFulfilment() && order.earnEntryId() != null) {
			availableAt = ledger.startReturnWindow(store.programId(), member.id(), order.earnEntryId(),
					window.closesAt(at, store.terms().zone()));
		}
		return new Step(member, false, order, null, null, null, availableAt, false);
	}

	private Instant notLaterThanNow(Instant at) {
		Instant now = clock.instant();
		return at.isAfter(now) ? now : at;
	}

	/** An event about a known order that names its currency must name the order's (a shop's mix-up, else). */
	private static void inItsCurrency(StoreOrder order, ValidEvent event) {
		if (event.orderCurrency() != null && order.currency() != null && !event.orderCurrency().equals(order.currency())) {
			throw new PhiliaException(EventProblems.CURRENCY_MISMATCH, "Order " + order.orderId() + " is in "
					+ order.currency() + ", the event says " + event.orderCurrency(), Map.of("orderCurrency", order.currency()));
		}
	}

	private Step cancelled(Store store, ValidEvent event, String eventId) {
		Member named = event.identity() == null ? null : members.identify(store.programId(), event.identity()).member();
		var order = orders.lock(store.programId(), store.id(), event.orderId());
		if (order.isEmpty()) {
			if (named == null) {
				throw new PhiliaException(EventProblems.ORDER_UNKNOWN, "Philia has no order " + event.orderId()
						+ "; send the member with the cancellation of an order it has not seen");
			}
			// Cancelled before Philia heard of it: remembered, so that a late order.paid cannot earn.
			var cancelled = StoreOrder.cancelledBeforePayment(event.orderId(), named.id());
			if (orders.insert(store.programId(), store.id(), cancelled)) {
				return new Step(named, false, cancelled, null, null);
			}
			order = orders.lock(store.programId(), store.id(), event.orderId());
		}
		StoreOrder known = order.orElseThrow();
		Member member = owner(store, known, named);
		inItsCurrency(known, event);
		if (known.status() == OrderStatus.CANCELLED || known.status() == OrderStatus.REFUNDED) {
			return new Step(member, false, known, null, "order " + event.orderId() + " is already " + known.status().api());
		}
		boolean wasPaid = known.status().isPaid();
		long points = known.cancel();
		Movement movement = points == 0 ? null
				: ledger.clawBack(store.programId(), member.id(), points, Cause.cancellation(event.orderId(), eventId),
						known.earnEntryId(), store.terms().debt());
		orders.update(store.programId(), store.id(), known, false);
		return new Step(member, false, known, movement, null, null, null, wasPaid);
	}

	private Step refunded(Store store, ValidEvent event, String eventId) {
		Member named = event.identity() == null ? null : members.identify(store.programId(), event.identity()).member();
		StoreOrder order = orders.lock(store.programId(), store.id(), event.orderId())
			.orElseThrow(() -> new PhiliaException(EventProblems.ORDER_UNKNOWN,
					"Philia has no order " + event.orderId() + " in this store; a refund needs the paid order"));
		Member member = owner(store, order, named);
		inItsCurrency(order, event);
		ValidEvent.Refund refund = event.refund();
		long points;
		if (refund != null && refund.unitsBySku() != null) {
			points = order.refundLines(refund.unitsBySku());
		}
		else if (refund != null && refund.amount() != null) {
			if (refund.currency() != null && !refund.currency().equals(order.currency())) {
				throw new PhiliaException(EventProblems.CURRENCY_MISMATCH,
						"Order " + order.orderId() + " is in " + order.currency() + ", the refund in " + refund.currency());
			}
			var v = new Violations();
			Money amount = v.check("refund.amount", () -> Money.of(refund.amount(), order.currency()));
			v.throwIfAny();
			points = order.refundAmount(amount.minor());
		}
		else {
			points = order.refundAmount(null);
		}
		Movement movement = points == 0 ? null
				: ledger.clawBack(store.programId(), member.id(), points, Cause.refund(order.orderId(), eventId),
						order.earnEntryId(), store.terms().debt());
		orders.update(store.programId(), store.id(), order, refund != null && refund.unitsBySku() != null);
		return new Step(member, false, order, movement, null);
	}

	private Step custom(Store store, ValidEvent event, EventRequest request, String eventId) {
		Identified who = members.identify(store.programId(), event.identity());
		var earning = rules.earn(RuleContexts.of(store, event, event.type(), who.member(), eventId, request.data()),
				new Cause("event", event.type(), eventId));
		return new Step(who.member(), who.enrolled(), null, earning.movement(), null, earning.rules());
	}

	private StoreOrder lockOwnOrder(Store store, String orderId, Member member) {
		StoreOrder order = orders.lock(store.programId(), store.id(), orderId).orElseThrow();
		owner(store, order, member);
		return order;
	}

	/** The order's member; an event that names somebody else is refused rather than moving their points. */
	private Member owner(Store store, StoreOrder order, Member named) {
		if (named != null && !named.id().equals(order.memberId())) {
			throw new PhiliaException(EventProblems.ORDER_OF_ANOTHER_MEMBER,
					"Order " + order.orderId() + " belongs to another member than the one this event names");
		}
		return named != null ? named : members.get(store.programId(), order.memberId());
	}

	private static void requireStoreCurrency(Store store, Money total) {
		if (!total.currencyCode().equals(store.currency())) {
			throw new PhiliaException(EventProblems.CURRENCY_MISMATCH, "The store's orders are in " + store.currency()
					+ "; this order is in " + total.currencyCode(), Map.of("storeCurrency", store.currency()));
		}
	}

	private void record(StoreContext caller, String key, Idempotency.Canonical body, ValidEvent event, String eventId,
			String memberId) {
		// Read back only by the rules' purchase history, which writes it out first: batched with the commit.
		// The payload is the request's canonical JSON, already written for its fingerprint.
		writes.defer("""
				insert into inbound_event (id, program_id, store_id, type, occurred_at, received_at, member_id,
				  order_id, idempotency_key, payload)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", eventId, caller.programId(), caller.storeId(), event.type(),
				event.occurredAt().atOffset(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC), memberId,
				event.orderId(), key, body.json());
	}
}
