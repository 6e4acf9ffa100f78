package io.philia.event;

import io.philia.support.OnH2;

@OnH2
class EventBatchOnH2Test extends EventBatchContract {
}
