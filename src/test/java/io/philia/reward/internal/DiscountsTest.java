package io.philia.reward.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.philia.reward.RewardProblems;
import io.philia.reward.internal.Discounts.Applies;
import io.philia.reward.internal.Discounts.Refused;
import io.philia.reward.internal.Terms.Kind;

class DiscountsTest {

	static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

	static final CartView CART = new CartView("EUR", 10_000, 590, List.of(new CartView.Line("W-1", "wine", 7_400),
			new CartView.Line("C-1", "cheese", 2_600)));

	static Terms terms(Kind kind, int percent, long amount, long minimum, Set<String> categories, List<Terms.Step> decay) {
		return new Terms(kind, percent, amount, "EUR", minimum, Set.of(), categories, false, decay);
	}

	@Test
	void aPercentageOfTheCoveredLinesRoundedDown() {
		var decision = Discounts.apply(terms(Kind.PERCENTAGE, 15, 0, 0, Set.of("wine"), List.of()), CART, NOW, NOW);

		assertThat(decision).isEqualTo(new Applies(1_110, false));
	}

	@Test
	void anAmountNeverExceedsWhatItCovers() {
		var decision = Discounts.apply(terms(Kind.AMOUNT, 0, 5_000, 0, Set.of("cheese"), List.of()), CART, NOW, NOW);

		assertThat(decision).isEqualTo(new Applies(2_600, false));
	}

	@Test
	void freeShippingTakesTheShippingOff() {
		assertThat(Discounts.apply(terms(Kind.FREE_SHIPPING, 0, 0, 0, Set.of(), List.of()), CART, NOW, NOW))
			.isEqualTo(new Applies(590, true));
	}

	@Test
	void belowTheMinimumBasketOrOutOfScopeIsRefusedWithTheReason() {
		var small = Discounts.apply(terms(Kind.PERCENTAGE, 10, 0, 10_001, Set.of(), List.of()), CART, NOW, NOW);
		var scope = Discounts.apply(terms(Kind.PERCENTAGE, 10, 0, 0, Set.of("beer"), List.of()), CART, NOW, NOW);

		assertThat(((Refused) small).problem()).isEqualTo(RewardProblems.COUPON_MINIMUM_BASKET);
		assertThat(((Refused) scope).problem()).isEqualTo(RewardProblems.COUPON_OUT_OF_SCOPE);
	}

	@Test
	void aDecayingCouponIsWorthTheStepItIsUsedIn() {
		var decay = List.of(new Terms.Step(Duration.ofDays(7), 15, 0), new Terms.Step(Duration.ofDays(30), 10, 0));
		Terms terms = terms(Kind.PERCENTAGE, 0, 0, 0, Set.of(), decay);

		assertThat(Discounts.apply(terms, CART, NOW, NOW.plus(Duration.ofDays(6)))).isEqualTo(new Applies(1_500, false));
		assertThat(Discounts.apply(terms, CART, NOW, NOW.plus(Duration.ofDays(7)))).isEqualTo(new Applies(1_000, false));
		assertThat(((Refused) Discounts.apply(terms, CART, NOW, NOW.plus(Duration.ofDays(30)))).problem())
			.isEqualTo(RewardProblems.COUPON_EXPIRED);
	}

	@Test
	void anotherCurrencyIsRefused() {
		var dollars = new CartView("USD", 10_000, 0, List.of());

		assertThat(((Refused) Discounts.apply(terms(Kind.AMOUNT, 0, 500, 0, Set.of(), List.of()), dollars, NOW, NOW))
			.problem()).isEqualTo(RewardProblems.COUPON_CURRENCY);
	}
}
