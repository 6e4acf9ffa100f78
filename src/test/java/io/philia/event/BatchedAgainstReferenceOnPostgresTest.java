package io.philia.event;

import io.philia.support.OnPostgres;

@OnPostgres
class BatchedAgainstReferenceOnPostgresTest extends BatchedAgainstReferenceContract {
}
