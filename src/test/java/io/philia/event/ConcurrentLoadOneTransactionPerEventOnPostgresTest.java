package io.philia.event;

import org.springframework.test.context.TestPropertySource;

import io.philia.support.OnPostgres;

/** The reference path: the same load, each event in a transaction of its own. */
@OnPostgres
@TestPropertySource(properties = "philia.group-commit.enabled=false")
class ConcurrentLoadOneTransactionPerEventOnPostgresTest extends ConcurrentLoadContract {
}
