package io.philia.event;

import io.philia.support.OnH2;

@OnH2
class ConcurrentLoadOnH2Test extends ConcurrentLoadContract {
}
