package io.philia.event;

import io.philia.support.OnPostgres;

@OnPostgres
class EventPostsOnPostgresTest extends EventPostsContract {
}
