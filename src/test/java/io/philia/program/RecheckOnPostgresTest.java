package io.philia.program;

import io.philia.support.OnPostgres;

@OnPostgres
class RecheckOnPostgresTest extends RecheckContract {
}
