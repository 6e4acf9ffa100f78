package io.philia.platform;

import io.philia.support.OnH2;

@OnH2
class LingerOnH2Test extends LingerContract {
}
