package io.philia.platform.web;

import io.philia.support.OnH2;

@OnH2
class MalformedRequestsOnH2Test extends MalformedRequestsContract {
}
