package io.philia.ledger;

import java.util.List;

/**
 * What a check of the ledger's invariants found, each list naming what breaks one:
 * {@code unbalancedEntries} (postings of an entry that do not sum to zero), {@code balanceMismatches}
 * (available or pending balances that differ from the sum of their postings), {@code negativeBalances}
 * (available balances below what the debt policy allows), {@code lotMismatches} (members whose open lots
 * do not add up to their balance), {@code overconsumedLots} (lots whose points were consumed, expired or
 * left open more than once: remaining ≠ points − consumed − expired, or below zero) and
 * {@code unaccountedMembers} (members for whom issued ≠ available + pending + spent + expired, issued
 * counting earnings net of clawbacks, adjustments and transfers). All empty means healthy.
 */
public record LedgerAudit(List<String> unbalancedEntries, List<String> balanceMismatches,
		List<String> negativeBalances, List<String> lotMismatches, List<String> overconsumedLots,
		List<String> unaccountedMembers) {

	public boolean healthy() {
		return unbalancedEntries.isEmpty() && balanceMismatches.isEmpty() && negativeBalances.isEmpty()
				&& lotMismatches.isEmpty() && overconsumedLots.isEmpty() && unaccountedMembers.isEmpty();
	}
}
