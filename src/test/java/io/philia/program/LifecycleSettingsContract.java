package io.philia.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.philia.support.HttpTest;
import tools.jackson.databind.JsonNode;

/** A programme's and a store's points lifecycle settings through the administration API. */
abstract class LifecycleSettingsContract extends HttpTest {

	@Test
	void aProgrammeStartsWithTodaysBehaviourAndShowsTheSettingsItIsGiven() {
		var shop = newShop();
		String path = "/api/v1/admin/programmes/" + shop.programId();
		JsonNode fresh = admin.get(path).expect(200).body();
		assertThat(fresh.at("/settings/expiry/policy").asString()).isEqualTo("none");
		assertThat(fresh.at("/settings/debt/policy").asString()).isEqualTo("none");
		assertThat(fresh.at("/settings/transfers/enabled").asBoolean()).isFalse();
		assertThat(fresh.at("/settings").has("returnWindow")).isFalse();

		JsonNode changed = admin.patch(path, """
				{"returnWindow": {"days": 14, "from": "paid"},
				 "expiry": {"policy": "fixed-date", "date": "12-31", "yearsAfter": 1},
				 "debt": {"policy": "negative-balance", "limit": 500},
				 "costPerPoint": {"amount": "0.005", "currency": "EUR"},
				 "transfers": {"enabled": true, "maxPoints": 5000}}""").expect(200).body();

		assertThat(changed.at("/settings/returnWindow/days").asInt()).isEqualTo(14);
		assertThat(changed.at("/settings/expiry/date").asString()).isEqualTo("12-31");
		assertThat(changed.at("/settings/debt/limit").asLong()).isEqualTo(500);
		assertThat(changed.at("/settings/costPerPoint/amount").asString()).isEqualTo("0.005");
		assertThat(changed.at("/settings/transfers/maxPoints").asLong()).isEqualTo(5000);
		assertThat(admin.get(path).expect(200).body()).isEqualTo(changed);
		JsonNode store = admin.get(path + "/stores/" + shop.storeId()).expect(200).body();
		assertThat(store.at("/effectiveReturnWindow/days").asInt()).as("the programme's window").isEqualTo(14);

		JsonNode kept = admin.patch(path, "{\"debt\": null, \"name\": \"Cave Martin\"}").expect(200).body();
		assertThat(kept.at("/settings/debt/policy").asString()).isEqualTo("none");
		assertThat(kept.at("/settings/expiry/policy").asString()).as("absent stays").isEqualTo("fixed-date");
		assertThat(kept.get("name").asString()).isEqualTo("Cave Martin");
	}

	@Test
	void aStoreHasItsOwnReturnWindowOrNoneOrTheProgrammesWindow() {
		var shop = newShop();
		String programme = "/api/v1/admin/programmes/" + shop.programId();
		String store = programme + "/stores/" + shop.storeId();
		admin.patch(programme, "{\"returnWindow\": {\"days\": 14}}").expect(200);

		assertThat(admin.patch(store, "{\"returnWindow\": {\"days\": 30, \"from\": \"fulfilled\"}}").expect(200).body()
			.at("/effectiveReturnWindow/from").asString()).isEqualTo("fulfilled");
		assertThat(admin.patch(store, "{\"returnWindow\": {\"days\": 0}}").expect(200).body()
			.has("effectiveReturnWindow")).as("none for this store").isFalse();
		assertThat(admin.patch(store, "{\"returnWindow\": null}").expect(200).body()
			.at("/effectiveReturnWindow/days").asInt()).isEqualTo(14);
	}

	@Test
	void invalidSettingsAreRefusedWithEveryFieldAtFaultAndChangeNothing() {
		var shop = newShop();
		String path = "/api/v1/admin/programmes/" + shop.programId();

		JsonNode problem = admin.patch(path, """
				{"returnWindow": {"days": 400}, "expiry": {"policy": "sometimes"}, "debt": {"policy": "negative-balance"},
				 "costPerPoint": {"amount": "-1", "currency": "EUR"}, "transfers": {"maxPoints": 10},
				 "timeZone": "Europe/Zurich", "colour": "blue"}""")
			.expectProblem(400, "validation")
			.body();

		assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("returnWindow", "expiry",
				"debt", "costPerPoint", "transfers", "timeZone", "colour");
		assertThat(admin.get(path).expect(200).body().at("/settings/expiry/policy").asString()).isEqualTo("none");
		admin.patch(path, "{\"expiry\": {\"policy\": \"fixed-date\", \"date\": \"02-30\"}}").expectProblem(400, "validation");
		admin.patch(path, "[1]").expectProblem(400, "validation");
		// Past an int: refused, never narrowed into a valid number (-4294967282 would be 14 days).
		admin.patch(path, "{\"returnWindow\": {\"days\": -4294967282}}").expectProblem(400, "validation");
		admin.patch(path, "{\"expiry\": {\"policy\": \"after-earning\", \"months\": -4294967295}}")
			.expectProblem(400, "validation");
		assertThat(admin.get(path).expect(200).body().at("/settings/returnWindow/days").asInt()).isZero();
		admin.patch("/api/v1/admin/programmes/" + shop.programId() + "/stores/" + shop.storeId(),
				"{\"returnWindow\": {\"days\": -1}}").expectProblem(400, "validation");
		admin.patch("/api/v1/admin/programmes/0193a4c2-0000-7000-8000-000000000000", "{}")
			.expectProblem(404, "programme-not-found");
		shop.api().patch(path, "{}").expectProblem(401, "admin-key-required");
	}

	@Test
	void aSettingsChangeSentTwiceWithOneKeyIsAppliedOnce() {
		var shop = newShop();
		String path = "/api/v1/admin/programmes/" + shop.programId();

		var first = admin.send("PATCH", path, "{\"debt\": {\"policy\": \"negative-balance\", \"limit\": 10}}",
				Map.of("Idempotency-Key", "settings-1"));
		var again = admin.send("PATCH", path, "{\"debt\": {\"policy\": \"negative-balance\", \"limit\": 10}}",
				Map.of("Idempotency-Key", "settings-1"));

		assertThat(first.expect(200).header("Idempotent-Replayed")).isEqualTo("false");
		assertThat(again.expect(200).header("Idempotent-Replayed")).isEqualTo("true");
		admin.send("PATCH", path, "{\"debt\": null}", Map.of("Idempotency-Key", "settings-1")).expectProblem(409,
				"idempotency-key-reused");
	}
}
