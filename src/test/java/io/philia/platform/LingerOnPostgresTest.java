package io.philia.platform;

import io.philia.support.OnPostgres;

@OnPostgres
class LingerOnPostgresTest extends LingerContract {
}
