package io.philia.ledger;

import io.philia.support.OnH2;

@OnH2
class BalanceReadsOnH2Test extends BalanceReadsContract {
}
