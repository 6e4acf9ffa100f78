package io.philia.event;

import io.philia.support.OnH2;

@OnH2
class LoadOverHttpOnH2Test extends LoadOverHttpContract {
}
