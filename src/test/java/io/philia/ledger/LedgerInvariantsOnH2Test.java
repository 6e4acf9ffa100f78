package io.philia.ledger;

import io.philia.support.OnH2;

@OnH2
class LedgerInvariantsOnH2Test extends LedgerInvariantsContract {

	@Override
	int sequences() {
		return 2_000;
	}
}
