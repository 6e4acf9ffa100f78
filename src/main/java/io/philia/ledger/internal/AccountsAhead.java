package io.philia.ledger.internal;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.philia.member.Members;
import io.philia.platform.BatchReads;

/**
 * Locks, at a micro-batch's start, the balances of the members its events name and the members' read-ahead
 * found: one statement per programme instead of one lock per event when its points post (issue #3: a
 * repeat customer's event then has no round trip of its own before the commit). After the members' read
 * ahead, which it reads from.
 */
@Component
@Order(10)
class AccountsAhead implements BatchReads {

	private final Members members;

	private final AccountStore accounts;

	AccountsAhead(Members members, AccountStore accounts) {
		this.members = members;
		this.accounts = accounts;
	}

	@Override
	public void readAhead(List<Object> hints) {
		members.foundAhead().forEach(accounts::lockAhead);
	}
}
