package io.philia.ledger;

import org.springframework.test.context.TestPropertySource;

import io.philia.support.OnPostgres;

/** The reference path: each event in a transaction of its own, and reads still never stale. */
@OnPostgres
@TestPropertySource(properties = "philia.group-commit.enabled=false")
class BalanceReadsOneTransactionPerEventOnPostgresTest extends BalanceReadsContract {
}
