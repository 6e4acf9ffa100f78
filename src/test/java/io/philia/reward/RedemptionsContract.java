package io.philia.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.philia.support.Api;
import io.philia.support.Api.Response;
import tools.jackson.databind.JsonNode;

/** Members redeem rewards: exactly what they pay for, never more than the stock, never beyond their points. */
abstract class RedemptionsContract extends RewardTest {

	static final String VOUCHER = """
			{"kind":"voucher","costPoints":%d,"name":{"fr":"Bon d'achat de 10 €","en":"10 EUR voucher"},
			 "description":{"fr":"Sur votre prochaine commande","en":"On your next order"},
			 "imageUrls":["https://shop.example/voucher.png"],
			 "coupon":{"discount":"amount","amount":"10.00","currency":"EUR"},"couponValidDays":90%s}""";

	static String voucher(long cost, String extra) {
		return VOUCHER.formatted(cost, extra.isEmpty() ? "" : "," + extra);
	}

	static Response redeem(Api api, String memberId, String rewardId, String key) {
		if (key == null) {
			return api.post("/api/v1/members/" + memberId + "/redemptions", "{\"rewardId\": \"" + rewardId + "\"}");
		}
		return api.post("/api/v1/members/" + memberId + "/redemptions", "{\"rewardId\": \"" + rewardId + "\"}", key);
	}

	@Test
	void aRedemptionSpendsThePointsAndIssuesACouponTheMemberCanUse() {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 1500);
		String reward = create(shop.api(), "/api/v1/rewards", voucher(1000, "\"stock\": 5"));

		JsonNode redemption = redeem(shop.api(), member, reward, "r-1").expect(201).body();

		assertThat(redemption.get("status").asString()).isEqualTo("issued");
		assertThat(redemption.get("points").asLong()).isEqualTo(1000);
		String code = redemption.at("/details/couponCode").asString();
		assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		assertThat(available(shop.api(), member)).isEqualTo(500);
		JsonNode history = shop.api().get("/api/v1/members/" + member + "/points/history").body().get("items");
		assertThat(history.get(0).get("kind").asString()).isEqualTo("spend");
		assertThat(history.get(0).at("/cause/type").asString()).isEqualTo("reward");
		assertThat(history.get(0).at("/cause/reference").asString()).isEqualTo(redemption.get("id").asString());
		assertThat(shop.api().get("/api/v1/rewards/" + reward).body().get("remaining").asLong()).isEqualTo(4);
		JsonNode valid = shop.api().post("/api/v1/coupons/" + code + ":validate", """
				{"customer":{"memberId":"%s"},"cart":{"currency":"EUR","subtotal":"42.00"}}""".formatted(member))
			.expect(200)
			.body();
		assertThat(valid.get("discount").asString()).isEqualTo("10.00");
		assertThat(valid.get("message").asString()).startsWith("Code appliqué : 10,00").endsWith("€ de réduction.");
	}

	@Test
	void theSameKeyAgainReturnsTheFirstRedemptionAndSpendsNothingMore() {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 3000);
		String reward = create(shop.api(), "/api/v1/rewards", voucher(1000, ""));

		Response first = redeem(shop.api(), member, reward, "same").expect(201);
		Response again = redeem(shop.api(), member, reward, "same").expect(201);

		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(available(shop.api(), member)).isEqualTo(2000);
		redeem(shop.api(), member, reward, null).expectProblem(400, "idempotency-key-missing");
	}

	@Test
	void everyRefusalIsAProblemAndChangesNothing() {
		var shop = newShop();
		var api = shop.api();
		String poor = aMemberWithPoints(api, "C-POOR", 100);
		String rich = aMemberWithPoints(api, "C-RICH", 100_000);
		String expensive = create(api, "/api/v1/rewards", voucher(1000, ""));
		String soldOut = create(api, "/api/v1/rewards", voucher(10, "\"stock\": 0"));
		String oncePerMember = create(api, "/api/v1/rewards", voucher(10, "\"perMemberLimit\": 1"));
		redeem(api, rich, oncePerMember, "once").expect(201);
		String later = create(api, "/api/v1/rewards", voucher(10, "\"availableFrom\": \"2099-01-01T00:00:00Z\""));
		String ended = create(api, "/api/v1/rewards", voucher(10, "\"availableUntil\": \"" + clock.instant().plusSeconds(1) + "\""));
		clock.advance(Duration.ofSeconds(2));
		String gold = create(api, "/api/v1/rewards", voucher(10, "\"tiers\": [\"gold\"]"));
		long richBefore = available(api, rich);

		assertRefused(redeem(api, poor, expensive, "k1"), 422, "insufficient-points", "Il vous faut 1");
		assertRefused(redeem(api, rich, soldOut, "k2"), 409, "reward-out-of-stock", "épuisée");
		assertRefused(redeem(api, rich, oncePerMember, "k3"), 409, "reward-limit-reached", "déjà obtenu");
		assertRefused(redeem(api, rich, later, "k4"), 422, "reward-not-yet-available", "disponible à partir du");
		assertRefused(redeem(api, rich, ended, "k5"), 422, "reward-no-longer-available", "plus disponible");
		assertRefused(redeem(api, rich, gold, "k6"), 422, "reward-wrong-tier", "niveau gold");
		api.post("/api/v1/rewards/" + expensive + ":archive", null).expect(200);
		assertRefused(redeem(api, rich, expensive, "k7"), 422, "reward-no-longer-available", "plus disponible");

		assertThat(available(api, poor)).isEqualTo(100);
		assertThat(available(api, rich)).isEqualTo(richBefore);
		assertThat(api.get("/api/v1/members/" + poor + "/redemptions").body().get("items")).isEmpty();
		assertThat(api.get("/api/v1/members/" + rich + "/redemptions").body().get("items")).hasSize(1);
		for (String reward : List.of(expensive, soldOut, later, ended, gold)) {
			assertThat(api.get("/api/v1/rewards/" + reward).body().get("redeemed").asLong()).isZero();
		}
		// A refused request leaves its key unused: the same key works once the reason is gone.
		TIERS.put(rich, "gold");
		redeem(api, rich, gold, "k6").expect(201);
	}

	@Test
	void aRedemptionRefusedForItsRequestTellsTheMemberWhyInTheirLanguageToo() {
		var shop = newShop();
		var api = shop.api();
		String member = aMemberWithPoints(api, "C-1", 10_000);
		String voucher = create(api, "/api/v1/rewards", voucher(10, ""));
		String gift = create(api, "/api/v1/rewards", """
				{"kind":"gift","costPoints":10,"name":{"fr":"Tire-bouchon","en":"Corkscrew"},"stock":10}""");
		String unknown = java.util.UUID.randomUUID().toString();
		String nowhere = "{\"name\":\"Léa Martin\",\"city\":\"Lyon\",\"country\":\"FR\"}";

		Response noSuchReward = redeem(api, member, unknown, "k1");
		Response noSuchRewardInEnglish = api.post("/api/v1/members/" + member + "/redemptions",
				"{\"rewardId\":\"" + unknown + "\",\"locale\":\"en\"}", "k2");
		Response noRewardId = api.post("/api/v1/members/" + member + "/redemptions", "{}", "k3");
		Response noSuchMember = redeem(api, java.util.UUID.randomUUID().toString(), voucher, "k4");
		Response noAddress = api.post("/api/v1/members/" + member + "/redemptions", """
				{"rewardId":"%s","shippingAddress":%s,"locale":"en"}""".formatted(gift, nowhere), "k5");
		Response addressForAVoucher = api.post("/api/v1/members/" + member + "/redemptions", """
				{"rewardId":"%s","shippingAddress":%s}""".formatted(voucher, nowhere), "k6");

		assertRefused(noSuchReward, 404, "reward-not-found", "Cette récompense n'existe pas.");
		assertThat(noSuchReward.body().get("locale").asString()).isEqualTo("fr");
		assertRefused(noSuchRewardInEnglish, 404, "reward-not-found", "This reward does not exist.");
		assertRefused(noRewardId, 400, "validation", "Cette récompense n'existe pas.");
		assertRefused(noSuchMember, 404, "member-not-found", "Ce compte de fidélité est introuvable.");
		assertRefused(noAddress, 400, "validation", "Please give a full shipping address for this gift");
		assertThat(noAddress.body().get("errors").findValuesAsString("field")).containsExactly(
				"shippingAddress.line1", "shippingAddress.postalCode");
		assertRefused(addressForAVoucher, 400, "validation", "aucune adresse n'est nécessaire");
		assertThat(addressForAVoucher.body().get("errors").findValuesAsString("field")).containsExactly("shippingAddress");
		assertThat(available(api, member)).isEqualTo(10_000);
		assertThat(api.get("/api/v1/members/" + member + "/redemptions").body().get("items")).isEmpty();
	}

	private static void assertRefused(Response response, int status, String slug, String message) {
		response.expectProblem(status, slug);
		assertThat(response.body().path("message").asString()).as(response.raw().body()).contains(message);
	}

	@Test
	void concurrentRedemptionsOfTheLastUnitNeverOversell() throws Exception {
		var shop = newShop();
		String reward = create(shop.api(), "/api/v1/rewards", voucher(100, "\"stock\": 3"));
		List<String> members = java.util.stream.IntStream.range(0, 12)
			.mapToObj(i -> aMemberWithPoints(shop.api(), "C-" + i, 100))
			.toList();

		List<Response> responses = concurrently(12, i -> redeem(shop.api(), members.get(i), reward, "last-" + i));

		assertThat(count(responses, 201)).isEqualTo(3);
		assertThat(count(responses, 409)).isEqualTo(9);
		assertThat(responses.stream().filter(r -> r.status() == 409))
			.allSatisfy(r -> r.expectProblem(409, "reward-out-of-stock"));
		JsonNode after = shop.api().get("/api/v1/rewards/" + reward).body();
		assertThat(after.get("redeemed").asLong()).isEqualTo(3);
		assertThat(after.get("remaining").asLong()).isZero();
		assertThat(members.stream().mapToLong(m -> available(shop.api(), m)).sum()).isEqualTo(9 * 100);
	}

	@Test
	void concurrentRedemptionsByOneMemberNeverOverspend() throws Exception {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 350);
		String reward = create(shop.api(), "/api/v1/rewards", voucher(100, ""));

		List<Response> responses = concurrently(10, i -> redeem(shop.api(), member, reward, "spend-" + i));

		assertThat(count(responses, 201)).isEqualTo(3);
		assertThat(responses.stream().filter(r -> r.status() != 201))
			.allSatisfy(r -> r.expectProblem(422, "insufficient-points"));
		assertThat(available(shop.api(), member)).isEqualTo(50);
		assertThat(shop.api().get("/api/v1/members/" + member + "/redemptions").body().get("items")).hasSize(3);
	}

	@Test
	void aPerMemberLimitHoldsUnderConcurrency() throws Exception {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 10_000);
		String reward = create(shop.api(), "/api/v1/rewards", voucher(100, "\"perMemberLimit\": 2"));

		List<Response> responses = concurrently(10, i -> redeem(shop.api(), member, reward, "limit-" + i));

		assertThat(count(responses, 201)).isEqualTo(2);
		assertThat(count(responses, 409)).isEqualTo(8);
		assertThat(available(shop.api(), member)).isEqualTo(9_800);
	}

	@Test
	void aMemberSeesTheCatalogueInTheirLanguageWithWhatTheyCanRedeemAndWhyNot() {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 150);
		create(shop.api(), "/api/v1/rewards", voucher(100, ""));
		create(shop.api(), "/api/v1/rewards", voucher(1000, ""));
		create(shop.api(), "/api/v1/rewards", voucher(10, "\"tiers\": [\"gold\"]"));
		create(shop.api(), "/api/v1/rewards", voucher(10, "\"stock\": 0"));

		JsonNode items = shop.api().get("/api/v1/members/" + member + "/rewards").expect(200).body().get("items");
		JsonNode english = shop.api().get("/api/v1/members/" + member + "/rewards?locale=en").body().get("items");

		assertThat(items.valueStream().map(i -> i.get("name").asString())).containsOnly("Bon d'achat de 10 €");
		assertThat(items.findValues("redeemable").stream().map(JsonNode::asBoolean)).containsExactly(true, false, false,
				false);
		assertThat(items.get(1).get("reason").asString()).isEqualTo("insufficient-points");
		assertThat(items.get(1).get("message").asString()).startsWith("Il vous faut 1");
		assertThat(items.get(2).get("reason").asString()).isEqualTo("reward-wrong-tier");
		assertThat(items.get(3).get("reason").asString()).isEqualTo("reward-out-of-stock");
		assertThat(english.get(0).get("name").asString()).isEqualTo("10 EUR voucher");
		assertThat(english.get(3).get("message").asString()).isEqualTo("This reward is out of stock.");
	}

	@Test
	void aGiftNeedsAnAddressAndIsShippedOnce() {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 5000);
		String gift = create(shop.api(), "/api/v1/rewards", """
				{"kind":"gift","costPoints":5000,"name":{"fr":"Tire-bouchon","en":"Corkscrew"},"stock":10}""");

		Response noAddress = redeem(shop.api(), member, gift, "g-1");
		JsonNode redeemed = shop.api().post("/api/v1/members/" + member + "/redemptions", """
				{"rewardId":"%s","shippingAddress":{"name":"Léa Martin","line1":"12 rue des Vignes",
				 "postalCode":"69002","city":"Lyon","country":"fr"}}""".formatted(gift), "g-2").expect(201).body();
		JsonNode shipped = shop.api().post("/api/v1/redemptions/" + redeemed.get("id").asString() + ":fulfil", null)
			.expect(200).body();

		noAddress.expectProblem(400, "validation");
		assertThat(redeemed.at("/details/shippingAddress/country").asString()).isEqualTo("FR");
		assertThat(shipped.get("status").asString()).isEqualTo("fulfilled");
		Response shippedAgain = shop.api().post("/api/v1/redemptions/" + redeemed.get("id").asString() + ":fulfil", null);
		shop.api().post("/api/v1/redemptions/" + redeemed.get("id").asString() + ":cancel", null)
			.expectProblem(409, "redemption-not-cancellable");
		assertThat(available(shop.api(), member)).isZero();
		shippedAgain.expectProblem(409, "redemption-not-fulfillable");
		assertThat(shippedAgain.body().get("title").asString())
			.isEqualTo("Only an issued gift or partner reward can be marked fulfilled");
	}

	@Test
	void onlyGiftsAndPartnersRewardsAreFulfilled() {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 1000);
		String reward = create(shop.api(), "/api/v1/rewards", voucher(1000, ""));
		String redemption = redeem(shop.api(), member, reward, "r").expect(201).body().get("id").asString();

		Response refused = shop.api().post("/api/v1/redemptions/" + redemption + ":fulfil", null);

		refused.expectProblem(409, "redemption-not-fulfillable");
		assertThat(shop.api().get("/api/v1/redemptions/" + redemption).body().get("status").asString()).isEqualTo("issued");
	}

	@Test
	void cancellingARedemptionGivesThePointsAndTheStockBackAndWithdrawsTheCoupon() {
		var shop = newShop();
		String member = aMemberWithPoints(shop.api(), "C-1", 1000);
		String reward = create(shop.api(), "/api/v1/rewards", voucher(1000, "\"stock\": 1"));
		JsonNode redemption = redeem(shop.api(), member, reward, "r").expect(201).body();

		JsonNode cancelled = shop.api().post("/api/v1/redemptions/" + redemption.get("id").asString() + ":cancel", null)
			.expect(200).body();

		assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
		assertThat(available(shop.api(), member)).isEqualTo(1000);
		assertThat(shop.api().get("/api/v1/rewards/" + reward).body().get("remaining").asLong()).isEqualTo(1);
		JsonNode restore = entry(
				shop.api().get("/api/v1/members/" + member + "/points/history").body().get("items"), "restore");
		assertThat(restore.get("kind").asString()).isEqualTo("restore");
		assertThat(restore.get("correctsEntryId").asString()).isEqualTo(redemption.get("spendEntryId").asString());
		shop.api().post("/api/v1/coupons/" + redemption.at("/details/couponCode").asString() + ":validate", """
				{"customer":{"memberId":"%s"},"cart":{"currency":"EUR","subtotal":"42.00"},"locale":"en"}""".formatted(member))
			.expectProblem(422, "coupon-inactive");
	}

	@Test
	void aRewardWithImpossibleTermsIsRefusedWithEveryFieldAtFault() {
		var shop = newShop();

		JsonNode problem = shop.api().post("/api/v1/rewards", """
				{"kind":"voucher","costPoints":0,"name":{},"imageUrls":["ftp://x"],
				 "coupon":{"discount":"percentage","percent":150}}""").expectProblem(400, "validation").body();

		assertThat(problem.get("errors").findValuesAsString("field")).contains("costPoints", "name", "imageUrls[0]",
				"coupon.percent", "coupon.discount");
		assertThat(shop.api().get("/api/v1/rewards").body().get("items")).isEmpty();
	}
}
