package io.philia.ledger;

import io.philia.support.OnPostgres;

@OnPostgres
class LedgerInvariantsOnPostgresTest extends LedgerInvariantsContract {

	@Override
	int sequences() {
		return 500;
	}
}
