package io.philia.platform.web;

import io.philia.support.OnH2;

@OnH2
class RequestBodiesOnH2Test extends RequestBodiesContract {
}
