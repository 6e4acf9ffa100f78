package io.philia.platform;

import io.philia.support.OnPostgres;

@OnPostgres
class WriteBehindOnPostgresTest extends WriteBehindContract {
}
