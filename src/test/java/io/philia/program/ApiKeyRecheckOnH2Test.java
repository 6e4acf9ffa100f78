package io.philia.program;

import io.philia.support.OnH2;

@OnH2
class ApiKeyRecheckOnH2Test extends ApiKeyRecheckContract {
}
