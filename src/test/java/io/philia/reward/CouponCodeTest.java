package io.philia.reward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;

import org.junit.jupiter.api.Test;

class CouponCodeTest {

	@Test
	void theAlphabetHas32SymbolsAndNoneThatLookAlike() {
		assertThat(CouponCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
		assertThat(CouponCode.ALPHABET).doesNotContain("0", "O", "1", "I");
		assertThat(Math.log(32) / Math.log(2) * CouponCode.RANDOM_LENGTH).isGreaterThanOrEqualTo(60);
	}

	@Test
	void everyBitOfTheDrawChangesTheCode() {
		String zero = CouponCode.randomPart(0);

		for (int bit = 0; bit < 60; bit++) {
			assertThat(CouponCode.randomPart(1L << bit)).as("bit %d", bit).isNotEqualTo(zero);
		}
	}

	@Test
	void generatedCodesCarryThePrefixAndAreShownInGroupsOfFour() {
		CouponCode code = CouponCode.generate("NOEL", new SecureRandom());

		assertThat(code.value()).matches("NOEL[2-9A-HJ-NP-Z]{12}");
		assertThat(code.display(4)).matches("NOEL-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		assertThat(CouponCode.parse(code.display(4).toLowerCase()).value()).isEqualTo(code.value());
	}

	@Test
	void aHundredThousandDrawsNeverRepeat() {
		var random = new SecureRandom();
		var seen = new HashSet<String>();

		for (int i = 0; i < 100_000; i++) {
			seen.add(CouponCode.generate("", random).value());
		}

		assertThat(seen).hasSize(100_000);
	}

	@Test
	void aCodeThatCannotExistIsRefused() {
		assertThatThrownBy(() -> CouponCode.parse("é!")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> CouponCode.prefix("much-too-long-for-a-prefix")).isInstanceOf(IllegalArgumentException.class);
	}
}
