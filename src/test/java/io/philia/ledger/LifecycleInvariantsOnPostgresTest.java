package io.philia.ledger;

import io.philia.support.OnPostgres;

@OnPostgres
class LifecycleInvariantsOnPostgresTest extends LifecycleInvariantsContract {

	@Override
	int sequences() {
		return 500;
	}
}
