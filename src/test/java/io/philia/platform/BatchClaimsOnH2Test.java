package io.philia.platform;

import io.philia.support.OnH2;

@OnH2
class BatchClaimsOnH2Test extends BatchClaimsContract {
}
