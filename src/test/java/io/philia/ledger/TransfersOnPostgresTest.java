package io.philia.ledger;

import io.philia.support.OnPostgres;

@OnPostgres
class TransfersOnPostgresTest extends TransfersContract {
}
