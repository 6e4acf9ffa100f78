package io.philia.reward;

import io.philia.support.OnH2;

@OnH2
class RedemptionsOnH2Test extends RedemptionsContract {
}
