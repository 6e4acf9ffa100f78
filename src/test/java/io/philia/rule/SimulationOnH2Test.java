package io.philia.rule;

import io.philia.support.OnH2;

@OnH2
class SimulationOnH2Test extends SimulationContract {
}
