package io.philia.member;

import io.philia.support.OnH2;

@OnH2
class MembersAheadOnH2Test extends MembersAheadContract {
}
