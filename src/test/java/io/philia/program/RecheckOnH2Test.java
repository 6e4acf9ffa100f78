package io.philia.program;

import io.philia.support.OnH2;

@OnH2
class RecheckOnH2Test extends RecheckContract {
}
