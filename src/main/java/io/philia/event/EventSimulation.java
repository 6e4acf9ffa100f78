package io.philia.event;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.philia.member.Member;
import io.philia.member.MemberIdentity;
import io.philia.member.Members;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.program.Programmes;
import io.philia.program.Store;
import io.philia.program.StoreContext;
import io.philia.rule.Earning;
import io.philia.rule.RuleEvaluation;
import io.philia.rule.RuleOutcome;

/**
 * "This cart earns 240 points": an event run through the rules as if it were sent now, without
 * writing anything (no member is enrolled, no order recorded, no limit used up).
 */
@Service
public class EventSimulation {

	private final Programmes programmes;

	private final Members members;

	private final RuleEvaluation rules;

	private final Clock clock;

	EventSimulation(Programmes programmes, Members members, RuleEvaluation rules, Clock clock) {
		this.programmes = programmes;
		this.members = members;
		this.rules = rules;
		this.clock = clock;
	}

	/**
	 * What a simulated event would earn, and each rule's decision.
	 *
	 * @param known false when the member is not enrolled yet (they are simulated as a new member)
	 */
	public record Simulation(String type, long points, boolean known, List<RuleOutcome> rules) {
	}

	public Simulation simulate(StoreContext caller, EventRequest request) {
		ValidEvent event = EventValidation.validate(request, clock);
		boolean order = event.type().equals("order.paid") || event.type().equals("order.placed");
		if (!order && !event.type().startsWith("custom.")) {
			throw InvalidRequest.of("type", "a simulation takes order.paid (or order.placed) or custom.<name> events");
		}
		Store store = programmes.store(caller.programId(), caller.storeId());
		if (order && !event.total().currencyCode().equals(store.currency())) {
			throw new PhiliaException(EventProblems.CURRENCY_MISMATCH, "The store's orders are in " + store.currency()
					+ "; this order is in " + event.total().currencyCode(), Map.of("storeCurrency", store.currency()));
		}
		Optional<Member> known = find(store.programId(), event.identity());
		Member member = known.orElseGet(() -> stranger(event.identity()));
		String type = order ? "order.paid" : event.type();
		Earning earning = rules.simulate(RuleContexts.of(store, event, type, member, null, request.data()));
		return new Simulation(type, earning.points(), known.isPresent(), earning.rules());
	}

	private Optional<Member> find(String programId, MemberIdentity identity) {
		if (identity.externalId() != null) {
			Optional<Member> byId = members.byExternalId(programId, identity.externalId());
			if (byId.isPresent()) {
				return byId;
			}
		}
		return identity.email() == null ? Optional.empty() : members.byEmail(programId, identity.email());
	}

	private Member stranger(MemberIdentity identity) {
		return new Member(null, identity.externalId(), identity.email(), null, identity.firstName(),
				identity.lastName(), null, identity.locale(), Map.of(), null, clock.instant(), clock.instant());
	}
}
