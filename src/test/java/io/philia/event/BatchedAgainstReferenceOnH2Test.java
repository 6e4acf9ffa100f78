package io.philia.event;

import io.philia.support.OnH2;

@OnH2
class BatchedAgainstReferenceOnH2Test extends BatchedAgainstReferenceContract {
}
