package io.philia.ledger;

import io.philia.support.OnH2;

@OnH2
class LiabilityOnH2Test extends LiabilityContract {
}
