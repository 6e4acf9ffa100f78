package io.philia.program;

import io.philia.support.OnH2;

@OnH2
class LifecycleSettingsOnH2Test extends LifecycleSettingsContract {
}
