package io.philia.ledger.internal;

import io.philia.support.OnPostgres;

@OnPostgres
class AccountsAheadOnPostgresTest extends AccountsAheadContract {
}
