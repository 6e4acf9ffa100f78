package io.philia.event;

import io.philia.support.OnPostgres;

@OnPostgres
class MembersInABatchOnPostgresTest extends MembersInABatchContract {
}
