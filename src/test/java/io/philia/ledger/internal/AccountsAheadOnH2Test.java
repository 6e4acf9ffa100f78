package io.philia.ledger.internal;

import io.philia.support.OnH2;

@OnH2
class AccountsAheadOnH2Test extends AccountsAheadContract {
}
