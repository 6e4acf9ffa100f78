package io.philia.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.rule.RuleSettings;
import io.philia.support.HttpTest;
import io.philia.support.MovableClock;

/**
 * A node trusts a key it verified, and the store settings and rules events use, for a few seconds without
 * reading them again; a key revoked, a store or a rule changed on another node (straight in the shared database, which this
 * node's copy does not see) must take effect here once that time has passed. A change through this node
 * applies at once ({@code AdministrationContract}).
 */
@Import(MovableClock.Config.class)
abstract class RecheckContract extends HttpTest {

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgramSettings settings;

	@Autowired
	RuleSettings rules;

	@Test
	void aKeyRevokedOnAnotherNodeStopsWorkingHereWithinTheRecheckTime() {
		var shop = newShop();
		shop.api().get("/api/v1/members").expect(200);

		jdbc.sql("update api_key set revoked_at = current_timestamp where program_id = ?").param(shop.programId()).update();
		clock.advance(settings.apiKeyRecheck().plusSeconds(1));

		shop.api().get("/api/v1/members").expectProblem(401, "unauthenticated");
	}

	@Test
	void aKeyStillValidKeepsWorkingAfterItsRecheck() {
		var shop = newShop();
		shop.api().get("/api/v1/members").expect(200);

		clock.advance(settings.apiKeyRecheck().plusSeconds(1));

		shop.api().get("/api/v1/members").expect(200);
		shop.api().get("/api/v1/members").expect(200);
	}

	@Test
	void anEarningRateChangedOnAnotherNodeAppliesHereWithinTheRecheckTime() {
		var shop = newShop();
		assertThat(earnedFor(shop, "B-1")).isEqualTo(20);

		jdbc.sql("update store set earn_points = 1, earn_per_minor = 100 where program_id = ?").param(shop.programId()).update();
		clock.advance(settings.storeRecheck().plusSeconds(1));

		assertThat(earnedFor(shop, "B-2")).isEqualTo(30);
	}

	@Test
	void aRuleDeactivatedOnAnotherNodeStopsEarningHereWithinTheRecheckTime() {
		var shop = newShop();
		shop.api().post("/api/v1/rules", """
				{"name":"Welcome back","trigger":"order.paid","condition":"true",
				 "effect":{"type":"fixed","points":100},"actor":"marketing:julie"}""").expect(201);
		// A rule made through this node applies at once: the store's 20 points and the bonus.
		assertThat(earnedFor(shop, "R-1")).isEqualTo(120);

		// Another node deactivates it: its row and the programme's revision, in the shared database.
		jdbc.sql("update rule set active = false where program_id = ?").param(shop.programId()).update();
		jdbc.sql("update rule_revision set revision = revision + 1 where program_id = ?").param(shop.programId()).update();
		clock.advance(rules.ruleRecheck().plusSeconds(1));

		assertThat(earnedFor(shop, "R-2")).isEqualTo(20);
	}

	/** Points an order.paid of 30.00 EUR earns. */
	private long earnedFor(Shop shop, String orderId) {
		return shop.api().event("paid-" + orderId, """
				{"type": "order.paid", "member": {"externalId": "C-%s"},
				 "order": {"id": "%s", "currency": "EUR", "total": "30.00"}}""".formatted(orderId, orderId))
			.expect(201)
			.body()
			.at("/points/earned")
			.asLong();
	}
}
