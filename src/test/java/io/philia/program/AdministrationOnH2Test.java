package io.philia.program;

import io.philia.support.OnH2;

@OnH2
class AdministrationOnH2Test extends AdministrationContract {
}
