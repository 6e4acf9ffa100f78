package io.philia.ledger.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.philia.member.MemberEnrolled;

/**
 * A member enrolled from their first event earns in the same transaction: their balance row is created
 * at enrolment, where it is known not to exist, instead of being looked for first (issue #3: one round
 * trip less for each new customer). Synchronous, so it commits or rolls back with the enrolment.
 */
@Component
class OpeningBalances {

	private final AccountStore accounts;

	OpeningBalances(AccountStore accounts) {
		this.accounts = accounts;
	}

	@EventListener
	void enrolled(MemberEnrolled enrolled) {
		accounts.open(enrolled.programId(), enrolled.memberId());
	}
}
