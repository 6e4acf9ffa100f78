package io.philia.reward.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.philia.platform.ProblemType;
import io.philia.reward.RewardProblems;

/** Every member-facing text exists in French and in English, and every reward refusal has one. */
class MemberTextsTest {

	static Properties bundle(String locale) throws IOException {
		var properties = new Properties();
		try (InputStream in = MemberTexts.class.getResourceAsStream("/" + MemberTexts.BUNDLE + "_" + locale + ".properties")) {
			properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void frenchAndEnglishHaveTheSameKeys() throws IOException {
		assertThat(bundle("fr").keySet()).isEqualTo(bundle("en").keySet());
	}

	@Test
	void everyRefusalAMemberMaySeeHasATextInBothLanguages() throws Exception {
		var fr = bundle("fr");
		var en = bundle("en");
		var memberFacing = java.util.List.of(RewardProblems.REWARD_NOT_FOUND, RewardProblems.OUT_OF_STOCK, RewardProblems.REWARD_LIMIT_REACHED,
				RewardProblems.REWARD_NOT_YET_AVAILABLE, RewardProblems.REWARD_NO_LONGER_AVAILABLE,
				RewardProblems.WRONG_TIER, RewardProblems.COUPON_NOT_FOUND, RewardProblems.COUPON_NOT_YET_VALID,
				RewardProblems.COUPON_EXPIRED, RewardProblems.COUPON_USED_UP, RewardProblems.COUPON_MEMBER_LIMIT,
				RewardProblems.COUPON_MINIMUM_BASKET, RewardProblems.COUPON_OUT_OF_SCOPE,
				RewardProblems.COUPON_NOT_STACKABLE, RewardProblems.COUPON_CURRENCY,
				RewardProblems.COUPON_OF_ANOTHER_MEMBER, RewardProblems.COUPON_INACTIVE,
				RewardProblems.COUPON_MEMBER_REQUIRED, RewardProblems.TOO_MANY_FAILED_LOOKUPS,
				RewardProblems.POINTS_PAYMENT_UNAVAILABLE, RewardProblems.POINTS_PAYMENT_OUT_OF_BOUNDS);

		for (ProblemType type : memberFacing) {
			assertThat(fr).as(type.slug()).containsKey(type.slug());
			assertThat(en).as(type.slug()).containsKey(type.slug());
		}
		assertThat(MemberTexts.text("en", "coupon-used-up")).isEqualTo("This code has already been used.");
		assertThat(MemberTexts.text("fr", "reward-not-found")).isEqualTo("Cette récompense n'existe pas.");
	}
}
