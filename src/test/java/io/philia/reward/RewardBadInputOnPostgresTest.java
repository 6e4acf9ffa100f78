package io.philia.reward;

import io.philia.support.OnPostgres;

@OnPostgres
class RewardBadInputOnPostgresTest extends RewardBadInputContract {
}
