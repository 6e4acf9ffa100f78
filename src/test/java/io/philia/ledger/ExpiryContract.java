package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Each earning is a lot with the expiry its programme's policy gives; points expire at midnight in the
 * programme's time zone, to the expiry account, booked by the job (catching up after downtime) and
 * never shown as spendable past their last day even before the job runs.
 */
abstract class ExpiryContract extends LifecycleTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	@Test
	void pointsOnAFixedDateExpireAtMidnightInParisAndNotAMinuteBefore() {
		var shop = shop("Europe/Paris", "{\"expiry\": {\"policy\": \"fixed-date\", \"date\": \"12-31\", \"yearsAfter\": 1}}");
		ZonedDateTime earned = aDayAhead(PARIS).withHour(15);
		at(earned);
		JsonNode paid = pay(shop, "C-10", "X-1", "150.00");
		String member = paid.at("/member/id").asString();
		LocalDate lastDay = LocalDate.of(earned.getYear() + 1, 12, 31);

		JsonNode view = points(shop, member);
		assertThat(view.at("/expiring/0/points").asLong()).isEqualTo(100);
		assertThat(view.at("/expiring/0/on").asString()).isEqualTo(lastDay.toString());

		at(lastDay.atTime(23, 59, 50).atZone(PARIS));
		assertThat(points(shop, member).get("available").asLong()).isEqualTo(100);

		at(lastDay.plusDays(1).atStartOfDay(PARIS).plusSeconds(1));
		assertThat(points(shop, member).get("available").asLong()).as("past midnight, before the job").isZero();

		later(Duration.ofDays(3));
		jobs.settle(shop.programId());
		JsonNode expiry = shop.api().get("/api/v1/members/" + member + "/points/history?limit=1").expect(200).body();

		assertThat(expiry.at("/items/0/kind").asString()).isEqualTo("expiry");
		assertThat(expiry.at("/items/0/points").asLong()).isEqualTo(-100);
		assertThat(Instant.parse(expiry.at("/items/0/at").asString()))
			.as("dated at the midnight it took effect, though booked three days late")
			.isEqualTo(lastDay.plusDays(1).atStartOfDay(PARIS).toInstant());
		assertHealthy(shop);
	}

	@Test
	void pointsValidForMonthsAfterEarningExpireAtZurichMidnightAcrossSummerTime() {
		var shop = shop("Europe/Zurich", "{\"expiry\": {\"policy\": \"after-earning\", \"months\": 6}}");
		// Two months before a change of summer time: the six months of validity always span one.
		Instant change = ZURICH.getRules().nextTransition(Instant.now(clock).plus(Duration.ofDays(70))).getInstant();
		ZonedDateTime earned = change.minus(Duration.ofDays(60)).atZone(ZURICH).withHour(0).withMinute(30);
		at(earned);
		String member = pay(shop, "C-11", "X-2", "45.00").at("/member/id").asString();
		LocalDate lastDay = earned.toLocalDate().plusMonths(6);
		Instant midnight = lastDay.plusDays(1).atStartOfDay(ZURICH).toInstant();

		assertThat(change).isBetween(earned.toInstant(), midnight);
		assertThat(points(shop, member).at("/expiring/0/on").asString()).isEqualTo(lastDay.toString());
		// The clock runs on from where it is set: a few seconds leave room for the request itself.
		clock.setTo(midnight.minusSeconds(5));
		assertThat(points(shop, member).get("available").asLong()).isEqualTo(30);
		clock.setTo(midnight);
		assertThat(points(shop, member).get("available").asLong()).isZero();
		jobs.settle(shop.programId());
		assertThat(points(shop, member).get("available").asLong()).isZero();
		assertHealthy(shop);
	}

	@Test
	void spendingTakesTheLotsThatExpireSoonestFirst() {
		var shop = shop("Europe/Paris", "{\"expiry\": {\"policy\": \"after-earning\", \"months\": 12}}");
		at(aDayAhead(PARIS).withHour(12));
		String member = pay(shop, "C-12", "X-3", "150.00").at("/member/id").asString();
		later(Duration.ofDays(40));
		pay(shop, "C-12", "X-4", "150.00");

		ledger.spend(shop.programId(), member, 120, Cause.redemption("reward", "R-1"));

		JsonNode view = points(shop, member);
		assertThat(view.get("expiring").size()).as("the first lot is spent").isEqualTo(1);
		assertThat(view.at("/expiring/0/points").asLong()).isEqualTo(80);
		assertThat(view.at("/expiring/0/on").asString())
			.isEqualTo(LocalDate.now(clock.withZone(PARIS)).plusMonths(12).toString());
		assertHealthy(shop);
	}

	@Test
	void aRestoreGivesPointsBackWithTheirExpiryOrAFreshOneWhenTheirsHasPassed() {
		var shop = shop("Europe/Paris", "{\"expiry\": {\"policy\": \"after-earning\", \"months\": 1}}");
		at(aDayAhead(PARIS).withHour(9));
		String member = pay(shop, "C-13", "X-5", "150.00").at("/member/id").asString();
		LocalDate lastDay = LocalDate.now(clock.withZone(PARIS)).plusMonths(1);
		Movement spend = ledger.spend(shop.programId(), member, 60, Cause.redemption("reward", "R-2"));

		ledger.restore(shop.programId(), member, 20, Cause.redemption("reward", "R-2"), spend.id());
		assertThat(points(shop, member).at("/expiring/0/on").asString()).isEqualTo(lastDay.toString());
		assertThat(points(shop, member).at("/expiring/0/points").asLong()).isEqualTo(60);

		at(lastDay.plusDays(2).atStartOfDay(PARIS));
		ledger.restore(shop.programId(), member, 40, Cause.redemption("reward", "R-2"), spend.id());

		JsonNode view = points(shop, member);
		assertThat(view.get("available").asLong()).as("the 60 unspent points expired; the 40 came back").isEqualTo(40);
		assertThat(view.at("/expiring/0/on").asString())
			.isEqualTo(LocalDate.now(clock.withZone(PARIS)).plusMonths(1).toString());
		assertThat(shop.api().get("/api/v1/members/" + member + "/points").expect(200).body().get("available").asLong())
			.isEqualTo(40);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> ledger.restore(shop.programId(), member, 1, Cause.redemption("reward", "R-2"),
					spend.id()))
			.hasMessageContaining("cannot be");
		jobs.settle(shop.programId());
		assertHealthy(shop);
	}

	@Test
	void pointsExpireAfterMonthsWithoutActivityAndEachActivityPushesTheDateBack() {
		var shop = shop("Europe/Paris", "{\"expiry\": {\"policy\": \"inactivity\", \"months\": 3}}");
		at(aDayAhead(PARIS).withHour(11));
		String member = pay(shop, "C-14", "X-6", "150.00").at("/member/id").asString();
		later(Duration.ofDays(60));
		pay(shop, "C-14", "X-7", "15.00");
		LocalDate lastDay = LocalDate.now(clock.withZone(PARIS)).plusMonths(3);

		JsonNode view = points(shop, member);
		assertThat(view.at("/expiring/0/points").asLong()).isEqualTo(110);
		assertThat(view.at("/expiring/0/on").asString()).isEqualTo(lastDay.toString());
		assertThat(view.at("/expiring/0/unlessActive").asBoolean()).isTrue();

		at(lastDay.atTime(23, 0).atZone(PARIS));
		assertThat(points(shop, member).get("available").asLong()).isEqualTo(110);
		at(lastDay.plusDays(1).atStartOfDay(PARIS));
		jobs.settle(shop.programId());

		assertThat(points(shop, member).get("available").asLong()).isZero();
		assertHealthy(shop);
	}

	@Test
	void expiryRunningWhileEventsArriveBooksEachExpiredPointOnceAndNoNewOne() throws Exception {
		var shop = shop("Europe/Paris", "{\"expiry\": {\"policy\": \"after-earning\", \"months\": 1}}");
		at(aDayAhead(PARIS).withHour(10));
		var members = new java.util.ArrayList<String>();
		for (int i = 0; i < 30; i++) {
			members.add(pay(shop, "E-" + i, "E-old-" + i, "150.00").at("/member/id").asString());
		}
		at(LocalDate.now(clock.withZone(PARIS)).plusMonths(1).plusDays(1).atTime(0, 10).atZone(PARIS));
		var calls = new java.util.ArrayList<java.util.concurrent.Callable<Object>>();
		calls.add(() -> jobs.settle(shop.programId()));
		for (int i = 0; i < 30; i++) {
			int n = i;
			calls.add(() -> pay(shop, "E-" + n, "E-new-" + n, "150.00"));
			if (n % 10 == 0) {
				calls.add(() -> jobs.settle(shop.programId()));
			}
		}

		try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
			for (var f : threads.invokeAll(calls)) {
				f.get();
			}
		}
		jobs.settle(shop.programId());

		for (String member : members) {
			JsonNode view = points(shop, member);
			assertThat(view.get("available").asLong()).as("member %s", member).isEqualTo(100);
			assertThat(view.at("/expiring/0/points").asLong()).isEqualTo(100);
		}
		JsonNode report = shop.api()
			.get("/api/v1/reports/liability?from=" + LocalDate.now(clock.withZone(PARIS)).minusMonths(2) + "&to="
					+ LocalDate.now(clock.withZone(PARIS)) + "&period=year")
			.expect(200)
			.body();
		assertThat(report.at("/totals/expired").asLong()).isEqualTo(30 * 100);
		assertHealthy(shop);
	}
}
