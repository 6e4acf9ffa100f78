package io.philia.reward.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.philia.member.Member;
import io.philia.member.Members;
import io.philia.platform.Ids;
import io.philia.platform.InvalidRequest;
import io.philia.reward.Customer;

/**
 * Who is at the checkout: the member the shop names (by Philia id, which must exist, or by the shop's
 * customer id, where an unknown customer is a guest), and the keys the limit on unknown codes counts.
 */
@Component
public class Shoppers {

	private final Members members;

	Shoppers(Members members) {
		this.members = members;
	}

	/** The member, or null for a guest. */
	public Member member(String programId, Customer customer) {
		if (customer == null) {
			return null;
		}
		if (customer.memberId() != null) {
			if (!Ids.isValid(customer.memberId())) {
				throw InvalidRequest.of("customer.memberId", "is not a member id");
			}
			return members.get(programId, customer.memberId());
		}
		if (customer.externalId() != null) {
			if (customer.externalId().isBlank() || customer.externalId().length() > 200) {
				throw InvalidRequest.of("customer.externalId", "must be 1 to 200 characters");
			}
			return members.byExternalId(programId, customer.externalId()).orElse(null);
		}
		return null;
	}

	/** The member and the IP address, each counted on its own. */
	public static List<String> keys(Customer customer, Member member) {
		List<String> keys = new ArrayList<>(2);
		if (member != null) {
			keys.add("member:" + member.id());
		}
		else if (customer != null && customer.externalId() != null) {
			keys.add("customer:" + customer.externalId());
		}
		if (customer != null && customer.ip() != null && !customer.ip().isBlank()) {
			if (customer.ip().length() > 45) {
				throw InvalidRequest.of("customer.ip", "must be an IPv4 or IPv6 address");
			}
			keys.add("ip:" + customer.ip());
		}
		return keys;
	}
}
