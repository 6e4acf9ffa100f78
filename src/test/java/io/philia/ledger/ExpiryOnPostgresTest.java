package io.philia.ledger;

import io.philia.support.OnPostgres;

@OnPostgres
class ExpiryOnPostgresTest extends ExpiryContract {
}
