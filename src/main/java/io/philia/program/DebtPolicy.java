package io.philia.program;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What a refund does when the member already spent the points it takes back: {@code none} takes only
 * what is available and records the rest as the clawback's shortfall; {@code negative-balance} lets the
 * available balance go below zero, down to {@code -limit}, and records only what goes past that.
 */
public record DebtPolicy(String policy, Long limit) {

	public static final DebtPolicy NONE = new DebtPolicy("none", null);

	public static final long MAX_LIMIT = 1_000_000_000L;

	public DebtPolicy {
		if (policy == null) {
			throw new IllegalArgumentException("must name a policy: none or negative-balance");
		}
		switch (policy) {
			case "none" -> limit = null;
			case "negative-balance" -> {
				if (limit == null || limit < 1 || limit > MAX_LIMIT) {
					throw new IllegalArgumentException("limit must be a whole number of points from 1 to " + MAX_LIMIT);
				}
			}
			default -> throw new IllegalArgumentException("must be none or negative-balance, not \"" + policy + "\"");
		}
	}

	public static DebtPolicy ofLimit(long limit) {
		return limit == 0 ? NONE : new DebtPolicy("negative-balance", limit);
	}

	/** How far below zero a clawback may take the available balance (0 without debt). */
	@JsonIgnore
	public long allowedDebt() {
		return limit == null ? 0 : limit;
	}
}
