package io.philia.ledger;

import io.philia.support.OnPostgres;

@OnPostgres
class DebtOnPostgresTest extends DebtContract {
}
