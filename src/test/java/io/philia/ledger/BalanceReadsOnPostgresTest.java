package io.philia.ledger;

import io.philia.support.OnPostgres;

@OnPostgres
class BalanceReadsOnPostgresTest extends BalanceReadsContract {
}
