package io.philia.ledger;

import io.philia.support.OnH2;

@OnH2
class DebtOnH2Test extends DebtContract {
}
