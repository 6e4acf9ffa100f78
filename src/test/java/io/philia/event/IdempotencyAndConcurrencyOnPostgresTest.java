package io.philia.event;

import io.philia.support.OnPostgres;

@OnPostgres
class IdempotencyAndConcurrencyOnPostgresTest extends IdempotencyAndConcurrencyContract {
}
