package io.philia.ledger;

import java.util.List;

/**
 * What a check of the ledger's invariants found: entries whose postings do not sum to zero, balances
 * that differ from the sum of their postings, negative available balances. All empty means healthy.
 */
public record LedgerAudit(List<String> unbalancedEntries, List<String> balanceMismatches,
		List<String> negativeBalances) {

	public boolean healthy() {
		return unbalancedEntries.isEmpty() && balanceMismatches.isEmpty() && negativeBalances.isEmpty();
	}
}
