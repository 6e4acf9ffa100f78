package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * A refund after the points were spent follows the programme's debt policy: without debt, only what is
 * available is taken and the rest is the shortfall; with a negative balance allowed, the balance goes
 * down to the limit, and later earnings pay the debt back first.
 */
abstract class DebtContract extends LifecycleTest {

	@Test
	void refundAfterPointsWereSpentTakesOnlyWhatIsAvailableWithoutDebt() {
		var shop = shop("Europe/Paris", "{}");
		String member = pay(shop, "D-1", "D-1", "270.00").at("/member/id").asString();
		ledger.spend(shop.programId(), member, 150, Cause.redemption("reward", "R-1"));

		JsonNode refund = shop.api().event("refund-D-1", "{\"type\": \"order.refunded\", \"order\": {\"id\": \"D-1\"}}")
			.expect(201)
			.body();

		assertThat(refund.at("/points/clawedBack").asLong()).isEqualTo(30);
		assertThat(refund.at("/points/shortfall").asLong()).isEqualTo(150);
		assertThat(refund.at("/balance/available").asLong()).isZero();
		assertHealthy(shop);
	}

	@Test
	void refundAfterPointsWereSpentLeavesADebtWithinTheLimitAndEarningsPayItBack() {
		var shop = shop("Europe/Paris", "{\"debt\": {\"policy\": \"negative-balance\", \"limit\": 100}}");
		String member = pay(shop, "D-2", "D-2", "270.00").at("/member/id").asString();
		ledger.spend(shop.programId(), member, 150, Cause.redemption("reward", "R-2"));

		JsonNode refund = shop.api().event("refund-D-2", "{\"type\": \"order.refunded\", \"order\": {\"id\": \"D-2\"}}")
			.expect(201)
			.body();

		assertThat(refund.at("/points/clawedBack").asLong()).isEqualTo(130);
		assertThat(refund.at("/points/shortfall").asLong()).isEqualTo(50);
		assertThat(refund.at("/balance/available").asLong()).isEqualTo(-100);
		assertHealthy(shop);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> ledger.spend(shop.programId(), member, 1, Cause.redemption("reward", "R-3")))
			.hasMessageContaining("0 available points");

		JsonNode next = pay(shop, "D-2", "D-3", "150.00");

		assertThat(next.at("/balance/available").asLong()).as("100 earned, 100 owed").isZero();
		pay(shop, "D-2", "D-4", "45.00");
		assertThat(points(shop, member).get("available").asLong()).isEqualTo(30);
		ledger.spend(shop.programId(), member, 30, Cause.redemption("reward", "R-4"));
		assertHealthy(shop);
	}
}
