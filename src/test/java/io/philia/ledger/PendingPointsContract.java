package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Points from an order stay pending until the store's return window has passed, then become available
 * by themselves; a refund within the window cancels pending points only. Clock-driven, across a change
 * to and from summer time in Europe/Paris.
 */
abstract class PendingPointsContract extends LifecycleTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void pointsStayPendingUntilTheReturnWindowClosesThenBecomeAvailableByThemselves() {
		var shop = shop("Europe/Paris", "{\"returnWindow\": {\"days\": 14, \"from\": \"paid\"}}");
		Instant paidAt = Instant.now(clock);

		JsonNode paid = pay(shop, "C-1", "W-1", "274.00");
		String member = paid.at("/member/id").asString();

		assertThat(paid.at("/points/earned").asLong()).isEqualTo(180);
		assertThat(paid.at("/points/pending").asLong()).isEqualTo(180);
		assertThat(paid.at("/balance/available").asLong()).isZero();
		assertThat(paid.at("/balance/pending").asLong()).isEqualTo(180);
		Instant availableAt = Instant.parse(paid.at("/points/availableAt").asString());
		assertThat(availableAt).isBetween(paidAt.atZone(PARIS).plusDays(14).toInstant(),
				Instant.now(clock).atZone(PARIS).plusDays(14).toInstant());

		clock.setTo(availableAt.minusSeconds(60));
		assertThat(points(shop, member).get("pending").asLong()).isEqualTo(180);

		clock.setTo(availableAt.plusSeconds(1));
		JsonNode due = points(shop, member);

		assertThat(due.get("available").asLong()).as("a read does not wait for the job").isEqualTo(180);
		assertThat(due.get("pending").asLong()).isZero();

		jobs.settle(shop.programId());
		JsonNode history = shop.api().get("/api/v1/members/" + member + "/points/history").expect(200).body();

		assertThat(history.at("/items/0/kind").asString()).isEqualTo("release");
		assertThat(Instant.parse(history.at("/items/0/at").asString())).isEqualTo(availableAt);
		assertThat(history.at("/items/0/points").asLong()).isEqualTo(180);
		assertThat(history.at("/items/0/pending").asLong()).isEqualTo(-180);
		assertThat(points(shop, member).get("available").asLong()).isEqualTo(180);
		assertThat(jobs.settle(shop.programId())).as("a second run books nothing").isZero();
		assertHealthy(shop);
	}

	@Test
	void aRefundWithinTheWindowCancelsPendingPointsAndLeavesAvailablePointsUntouched() {
		var shop = shop("Europe/Paris", "{\"returnWindow\": {\"days\": 30}}");
		String member = pay(shop, "C-2", "W-2", "150.00").at("/member/id").asString();
		shop.api().post("/api/v1/members/" + member + "/points/adjustments",
				"{\"points\": 50, \"reason\": \"welcome\", \"actor\": \"support:marc\"}", "adj-C-2").expect(201);

		JsonNode refund = shop.api()
			.event("refund-W-2", "{\"type\": \"order.refunded\", \"order\": {\"id\": \"W-2\"}, \"refund\": {\"amount\": \"75.00\"}}")
			.expect(201)
			.body();

		assertThat(refund.at("/points/clawedBack").asLong()).isEqualTo(50);
		assertThat(refund.at("/balance/pending").asLong()).isEqualTo(50);
		assertThat(refund.at("/balance/available").asLong()).isEqualTo(50);
		assertThat(refund.has("shortfall")).isFalse();
		assertHealthy(shop);
	}

	@Test
	void aWindowCountedFromFulfilmentStartsWhenTheOrderIsFulfilled() {
		var shop = shop("Europe/Paris", "{}");
		admin.patch("/api/v1/admin/programmes/" + shop.programId() + "/stores/" + shop.storeId(),
				"{\"returnWindow\": {\"days\": 30, \"from\": \"fulfilled\"}}").expect(200);
		JsonNode paid = pay(shop, "C-3", "W-3", "30.00");
		String member = paid.at("/member/id").asString();
		assertThat(paid.at("/points/pending").asLong()).isEqualTo(20);
		assertThat(paid.at("/points").has("availableAt")).isFalse();

		later(Duration.ofDays(45));
		assertThat(points(shop, member).get("awaitingFulfilment").asLong()).isEqualTo(20);
		Instant shipped = Instant.now(clock);
		JsonNode fulfilled = shop.api()
			.event("fulfilled-W-3", "{\"type\": \"order.fulfilled\", \"order\": {\"id\": \"W-3\"}}")
			.expect(201)
			.body();
		Instant availableAt = Instant.parse(fulfilled.at("/points/availableAt").asString());

		assertThat(availableAt).isAfterOrEqualTo(shipped.atZone(PARIS).plusDays(30).toInstant());
		assertThat(points(shop, member).at("/releases/0/points").asLong()).isEqualTo(20);
		assertThat(shop.api()
			.event("fulfilled-W-3-again", "{\"type\": \"order.fulfilled\", \"order\": {\"id\": \"W-3\"}}")
			.expect(201)
			.body()
			.get("outcome")
			.asString()).isEqualTo("ignored");

		clock.setTo(availableAt.plusSeconds(1));

		assertThat(points(shop, member).get("available").asLong()).isEqualTo(20);
		assertThat(points(shop, member).has("awaitingFulfilment")).isFalse();
		assertHealthy(shop);
	}

	@Test
	void withADeadlineForFulfilmentPointsNeverWaitForAFulfilmentThatDoesNotCome() {
		var shop = shop("Europe/Paris", "{}");
		admin.patch("/api/v1/admin/programmes/" + shop.programId() + "/stores/" + shop.storeId(),
				"{\"returnWindow\": {\"days\": 14, \"from\": \"fulfilled\", \"fulfilledWithin\": 60}}")
			.expect(200);
		Instant paidAt = Instant.now(clock);
		JsonNode lost = pay(shop, "C-4", "W-4", "30.00");
		String member = lost.at("/member/id").asString();
		JsonNode shipped = pay(shop, "C-4", "W-5", "15.00");
		Instant deadline = paidAt.atZone(PARIS).plusDays(60 + 14).toInstant();

		assertThat(Instant.parse(lost.at("/points/availableAt").asString())).as("at the latest")
			.isBetween(deadline, Instant.now(clock).atZone(PARIS).plusDays(60 + 14).toInstant());
		later(Duration.ofDays(5));
		Instant fulfilledAt = Instant.parse(shop.api()
			.event("fulfilled-W-5", "{\"type\": \"order.fulfilled\", \"order\": {\"id\": \"W-5\"}}")
			.expect(201)
			.body()
			.at("/points/availableAt")
			.asString());
		assertThat(fulfilledAt).as("a fulfilment brings the window forward")
			.isBefore(Instant.parse(shipped.at("/points/availableAt").asString()));

		clock.setTo(fulfilledAt.plusSeconds(1));
		assertThat(points(shop, member).get("available").asLong()).isEqualTo(10);
		clock.setTo(Instant.parse(lost.at("/points/availableAt").asString()).plusSeconds(1));
		assertThat(points(shop, member).get("available").asLong()).as("never fulfilled, released anyway").isEqualTo(30);
		assertThat(points(shop, member).get("pending").asLong()).isZero();
		admin.patch("/api/v1/admin/programmes/" + shop.programId() + "/stores/" + shop.storeId(),
				"{\"returnWindow\": {\"days\": 14, \"fulfilledWithin\": 60}}")
			.expectProblem(400, "validation");
		assertHealthy(shop);
	}

	@Test
	void aWindowAcrossAChangeOfSummerTimeClosesAtTheSameLocalTime() {
		var shop = shop("Europe/Paris", "{\"returnWindow\": {\"days\": 14}}");
		ZoneOffsetTransition change = PARIS.getRules().nextTransition(Instant.now(clock).plus(Duration.ofDays(8)));
		ZonedDateTime paidLocally = change.getInstant().minus(Duration.ofDays(7)).atZone(PARIS).withHour(10)
			.withMinute(0).withSecond(0).withNano(0);
		at(paidLocally);

		JsonNode paid = pay(shop, "C-4", "W-4", "15.00");
		Instant availableAt = Instant.parse(paid.at("/points/availableAt").asString());

		// The clock runs on from where it was set: compare to the minute.
		ZonedDateTime closes = availableAt.atZone(PARIS).truncatedTo(ChronoUnit.MINUTES);
		assertThat(closes.toLocalTime()).isEqualTo(paidLocally.toLocalTime());
		assertThat(closes.toLocalDate()).isEqualTo(paidLocally.toLocalDate().plusDays(14));
		assertThat(Duration.between(paidLocally.toInstant(), closes.toInstant()))
			.as("14 days of 24 hours less or more the hour summer time adds or takes")
			.isEqualTo(Duration.ofDays(14).minus(change.getDuration()));
		assertHealthy(shop);
	}
}
