package io.philia.program;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.support.HttpTest;
import io.philia.support.MovableClock;

/**
 * A node trusts a key it verified for a few seconds without reading it again; a key revoked on another
 * node (straight in the shared database, which this node's cache does not see) must stop working here once
 * that time has passed.
 */
@Import(MovableClock.Config.class)
abstract class ApiKeyRecheckContract extends HttpTest {

	@Autowired
	MovableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgramSettings settings;

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
}
