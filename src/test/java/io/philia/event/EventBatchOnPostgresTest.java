package io.philia.event;

import io.philia.support.OnPostgres;

@OnPostgres
class EventBatchOnPostgresTest extends EventBatchContract {
}
