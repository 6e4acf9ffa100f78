package io.philia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** The liability report: what the outstanding points are worth, and what moved them, per period. */
abstract class LiabilityContract extends LifecycleTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void theReportAddsUpPeriodByPeriodAndValuesOutstandingPointsAtTheCostPerPoint() {
		var shop = shop("Europe/Paris", """
				{"costPerPoint": {"amount": "0.005", "currency": "EUR"}, "returnWindow": {"days": 14},
				 "expiry": {"policy": "after-earning", "months": 1}}""");
		LocalDate first = aDayAhead(PARIS).toLocalDate().withDayOfMonth(1).plusMonths(1);
		at(first.atTime(10, 0).atZone(PARIS));
		String member = pay(shop, "L-1", "L-1", "1500.00").at("/member/id").asString();
		pay(shop, "L-2", "L-2", "300.00");
		shop.api().event("refund-L-2", "{\"type\": \"order.refunded\", \"order\": {\"id\": \"L-2\"}, \"refund\": {\"amount\": \"150.00\"}}")
			.expect(201);
		later(Duration.ofDays(15));
		ledger.spend(shop.programId(), member, 400, Cause.redemption("reward", "R-1"));
		at(first.plusMonths(2).atTime(12, 0).atZone(PARIS));
		jobs.settle(shop.programId());
		LocalDate last = first.plusMonths(2).withDayOfMonth(first.plusMonths(2).lengthOfMonth());

		JsonNode report = shop.api()
			.get("/api/v1/reports/liability?from=" + first + "&to=" + last + "&period=month")
			.expect(200)
			.body();

		assertThat(report.get("periods").size()).isEqualTo(3);
		JsonNode january = report.at("/periods/0");
		assertThat(january.get("issued").asLong()).isEqualTo(1200);
		assertThat(january.get("clawedBack").asLong()).isEqualTo(100);
		assertThat(january.get("redeemed").asLong()).isEqualTo(400);
		assertThat(report.at("/totals/expired").asLong()).isEqualTo(700);
		assertThat(report.at("/totals/breakageRate").asString()).isEqualTo("0.6364");
		long outstanding = report.at("/opening/points").asLong();
		for (JsonNode p : report.get("periods")) {
			outstanding += p.get("issued").asLong() - p.get("clawedBack").asLong() + p.get("adjusted").asLong()
					- p.get("redeemed").asLong() - p.get("expired").asLong();
			assertThat(p.at("/end/points").asLong()).as("period %s", p.get("from")).isEqualTo(outstanding);
		}
		assertThat(report.at("/now/points").asLong()).isZero();
		assertThat(january.at("/end/value/amount").asString()).isEqualTo("3.50");

		var csv = shop.api().send("GET", "/api/v1/reports/liability?from=" + first + "&to=" + last, null,
				Map.of("Accept", "text/csv"));
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(csv.raw().body().lines().toList()).hasSize(5)
			.first()
			.asString()
			.startsWith("period_from,period_to,issued");
		assertThat(csv.raw().body().lines().skip(1).findFirst().orElseThrow())
			.startsWith(first + "," + first.withDayOfMonth(first.lengthOfMonth()) + ",1200,100,0,400,");
		assertThat(shop.api().get("/api/v1/reports/liability?from=" + first + "&to=" + last + "&format=csv").raw().body())
			.isEqualTo(csv.raw().body());
	}

	@Test
	void aReportWithoutDatesOrWithDatesTheWrongWayRoundIsRefused() {
		var shop = shop("Europe/Paris", "{}");

		shop.api().get("/api/v1/reports/liability").expectProblem(400, "validation");
		shop.api().get("/api/v1/reports/liability?from=2026-02-01&to=2026-01-01").expectProblem(400, "validation");
		shop.api().get("/api/v1/reports/liability?from=2026-02-30&to=2026-03-01").expectProblem(400, "validation");
		shop.api().get("/api/v1/reports/liability?from=2020-01-01&to=2026-03-01&period=day").expectProblem(400, "validation");
		shop.api().get("/api/v1/reports/liability?from=-999999999-01-01&to=-999999999-01-01").expectProblem(400, "validation");
		shop.api().get("/api/v1/reports/liability?from=%2B300000-01-01&to=%2B300000-01-01").expectProblem(400, "validation");
		shop.api().get("/api/v1/reports/liability?from=9999-12-31&to=9999-12-31").expectProblem(400, "validation");
		shop.api()
			.send("GET", "/api/v1/reports/liability?from=x&to=2026-03-01", null, Map.of("Accept", "text/csv"))
			.expectProblem(400, "validation");
	}

	@Test
	void theOpenApiDocumentDescribesTheLifecycleEndpoints() {
		JsonNode paths = admin.get("/v3/api-docs").expect(200).body().get("paths");

		assertThat(paths.has("/api/v1/reports/liability")).isTrue();
		assertThat(paths.at("/~1api~1v1~1reports~1liability/get/responses/200/content").has("text/csv")).isTrue();
		assertThat(paths.has("/api/v1/members/{memberId}/points/transfers")).isTrue();
		assertThat(paths.has("/api/v1/members/{memberId}:merge")).isTrue();
		assertThat(paths.has("/api/v1/members/{memberId}/points/lots")).isTrue();
		assertThat(paths.at("/~1api~1v1~1admin~1programmes~1{programId}").has("patch")).isTrue();
		assertThat(paths.at("/~1api~1v1~1admin~1programmes~1{programId}~1stores~1{storeId}").has("patch")).isTrue();
	}
}
