package io.philia.member;

import io.philia.support.OnPostgres;

@OnPostgres
class MembersOnPostgresTest extends MembersContract {
}
