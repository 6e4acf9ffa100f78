package io.philia.platform;

import io.philia.support.OnH2;

@OnH2
class WriteBehindOnH2Test extends WriteBehindContract {
}
