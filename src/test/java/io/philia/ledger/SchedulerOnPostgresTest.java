package io.philia.ledger;

import io.philia.support.OnPostgres;

@OnPostgres
class SchedulerOnPostgresTest extends SchedulerContract {
}
