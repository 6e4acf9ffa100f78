package io.philia.member;

import io.philia.support.OnPostgres;

@OnPostgres
class MembersAheadOnPostgresTest extends MembersAheadContract {
}
