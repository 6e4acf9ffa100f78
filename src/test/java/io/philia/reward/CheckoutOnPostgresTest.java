package io.philia.reward;

import io.philia.support.OnPostgres;

@OnPostgres
class CheckoutOnPostgresTest extends CheckoutContract {
}
