package io.philia.event;

import org.springframework.test.context.TestPropertySource;

import io.philia.support.OnPostgres;

/**
 * With several writers, as a machine with more cores has by default (one per two processors, at least two): their
 * micro-batches commit side by side and lock balances in member id order.
 */
@OnPostgres
@TestPropertySource(properties = "philia.group-commit.shards=4")
class ConcurrentLoadOnPostgresTest extends ConcurrentLoadContract {
}
