package io.philia.event;

import io.philia.support.OnH2;

@OnH2
class MembersInABatchOnH2Test extends MembersInABatchContract {
}
