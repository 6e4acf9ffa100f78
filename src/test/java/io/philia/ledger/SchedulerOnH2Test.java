package io.philia.ledger;

import io.philia.support.OnH2;

@OnH2
class SchedulerOnH2Test extends SchedulerContract {
}
