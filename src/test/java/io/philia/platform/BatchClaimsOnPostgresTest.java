package io.philia.platform;

import io.philia.support.OnPostgres;

@OnPostgres
class BatchClaimsOnPostgresTest extends BatchClaimsContract {
}
