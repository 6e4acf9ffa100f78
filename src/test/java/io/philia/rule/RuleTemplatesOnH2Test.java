package io.philia.rule;

import io.philia.support.OnH2;

@OnH2
class RuleTemplatesOnH2Test extends RuleTemplatesContract {
}
