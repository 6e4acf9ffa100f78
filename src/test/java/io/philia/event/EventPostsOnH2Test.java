package io.philia.event;

import io.philia.support.OnH2;

@OnH2
class EventPostsOnH2Test extends EventPostsContract {
}
