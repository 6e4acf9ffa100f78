package io.philia.ledger;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import io.philia.ledger.internal.DueSettlements;
import io.philia.support.HttpTest;
import io.philia.support.MovableClock;
import tools.jackson.databind.JsonNode;

/**
 * Base of the points lifecycle contracts: a clock the tests move (return windows, expiry dates, midnight
 * in the programme's time zone), and shops whose lifecycle settings are set through the admin API.
 */
@Import(MovableClock.Config.class)
abstract class LifecycleTest extends HttpTest {

	@Autowired
	protected MovableClock clock;

	@Autowired
	protected PointsLedger ledger;

	@Autowired
	protected DueSettlements jobs;

	/** A shop in a programme of this time zone, with these lifecycle settings (a JSON merge patch). */
	protected Shop shop(String zone, String settings) {
		JsonNode programme = admin.post("/api/v1/admin/programmes",
				"{\"name\": \"Shop " + UUID.randomUUID() + "\", \"timeZone\": \"" + zone + "\", \"defaultLocale\": \"fr\"}")
			.expect(201)
			.body();
		String programId = programme.get("id").asString();
		admin.patch("/api/v1/admin/programmes/" + programId, settings).expect(200);
		JsonNode store = admin.post("/api/v1/admin/programmes/" + programId + "/stores",
				"{\"code\": \"main\", \"name\": \"Main\", \"currency\": \"EUR\", \"earning\": "
						+ "{\"points\": 10, \"per\": \"15.00\", \"rounding\": \"steps\"}}")
			.expect(201)
			.body();
		String storeId = store.get("id").asString();
		String key = admin.post("/api/v1/admin/programmes/" + programId + "/stores/" + storeId + "/api-keys", "{}")
			.expect(201)
			.body()
			.get("key")
			.asString();
		return new Shop(programId, storeId, new io.philia.support.Api(port, key, json));
	}

	/** Pays an order of this total for a customer; returns the event's answer. */
	protected JsonNode pay(Shop shop, String customer, String orderId, String total) {
		return shop.api()
			.event("paid-" + orderId, """
					{"type": "order.paid", "member": {"externalId": "%s"},
					 "order": {"id": "%s", "currency": "EUR", "total": "%s"}}""".formatted(customer, orderId, total))
			.expect(201)
			.body();
	}

	protected JsonNode points(Shop shop, String memberId) {
		return shop.api().get("/api/v1/members/" + memberId + "/points").expect(200).body();
	}

	/** Moves the clock to a local time of a zone (forward only: the clock is shared by the tests). */
	protected void at(ZonedDateTime local) {
		clock.setTo(local.toInstant());
	}

	protected void later(Duration duration) {
		clock.advance(duration);
	}

	/** A day at least a week after the clock, so that every test can set its own calendar. */
	protected ZonedDateTime aDayAhead(ZoneId zone) {
		return Instant.now(clock).plus(Duration.ofDays(8)).atZone(zone).toLocalDate().atStartOfDay(zone);
	}

	protected void assertHealthy(Shop shop) {
		LedgerAudit audit = ledger.audit(shop.programId());
		org.assertj.core.api.Assertions.assertThat(audit.healthy()).as("ledger audit %s", audit).isTrue();
	}
}
