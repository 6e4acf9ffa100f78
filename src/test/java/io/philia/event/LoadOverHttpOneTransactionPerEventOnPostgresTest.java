package io.philia.event;

import org.springframework.test.context.TestPropertySource;

import io.philia.support.OnPostgres;

/** The reference path under the same load over HTTP: each event in a transaction of its own. */
@OnPostgres
@TestPropertySource(properties = "philia.group-commit.enabled=false")
class LoadOverHttpOneTransactionPerEventOnPostgresTest extends LoadOverHttpContract {
}
