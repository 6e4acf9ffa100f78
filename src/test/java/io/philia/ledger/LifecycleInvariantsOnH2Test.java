package io.philia.ledger;

import io.philia.support.OnH2;

@OnH2
class LifecycleInvariantsOnH2Test extends LifecycleInvariantsContract {

	@Override
	int sequences() {
		return 2_000;
	}
}
