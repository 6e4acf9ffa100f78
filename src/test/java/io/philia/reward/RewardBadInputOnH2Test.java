package io.philia.reward;

import io.philia.support.OnH2;

@OnH2
class RewardBadInputOnH2Test extends RewardBadInputContract {
}
