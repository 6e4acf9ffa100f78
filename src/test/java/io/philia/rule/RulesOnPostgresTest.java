package io.philia.rule;

import io.philia.support.OnPostgres;

@OnPostgres
class RulesOnPostgresTest extends RulesContract {
}
