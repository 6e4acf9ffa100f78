package io.philia.platform.web;

import io.philia.support.OnPostgres;

@OnPostgres
class MalformedRequestsOnPostgresTest extends MalformedRequestsContract {
}
