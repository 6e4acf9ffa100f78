package io.philia.reward;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.platform.Violations;
import io.philia.program.StoreContext;
import io.philia.reward.CheckoutOutcome.AppliedCode;
import io.philia.reward.internal.MemberTexts;
import io.philia.reward.internal.Pricing;
import io.philia.reward.internal.Shoppers;

/**
 * Validates one code against a cart for a shop's checkout: what it takes off, or exactly why not. The
 * cart's other codes are checked with it (stacking), as a checkout would.
 */
@Service
public class Coupons {

	private final Pricing pricing;

	private final Shoppers shoppers;

	private final MemberTexts texts;

	private final Clock clock;

	Coupons(Pricing pricing, Shoppers shoppers, MemberTexts texts, Clock clock) {
		this.pricing = pricing;
		this.shoppers = shoppers;
		this.texts = texts;
		this.clock = clock;
	}

	/** Writes nothing but the count of unknown codes (for the limit against guessing). */
	public CodeValidation validate(StoreContext store, String code, CodeCheck check) {
		List<String> codes = new ArrayList<>(check.otherCodes() == null ? List.of() : check.otherCodes());
		var v = new Violations();
		if (codes.size() >= Pricing.MAX_CODES) {
			v.add("otherCodes", "must have fewer than " + Pricing.MAX_CODES + " codes");
		}
		for (int i = 0; i < codes.size(); i++) {
			if (codes.get(i) == null) {
				v.add("otherCodes[" + i + "]", "must not be null");
			}
		}
		v.throwIfAny();
		String wanted = code == null ? "" : CouponCode.normalise(code);
		codes.removeIf(other -> CouponCode.normalise(other).equals(wanted));
		codes.add(0, code);
		Member member = shoppers.member(store.programId(), check.customer());
		String locale = texts.locale(store.programId(), check.locale(), member);
		var request = new CheckoutRequest(null, check.customer(), check.cart(), codes, null, locale);
		CheckoutOutcome outcome = pricing.price(store, request, member, locale, clock.instant()).outcome();
		AppliedCode applied = outcome.codes().get(0);
		String message = applied.freeShipping() ? MemberTexts.text(locale, "coupon-applied-free-shipping")
				: MemberTexts.text(locale, "coupon-applied",
						MemberTexts.money(Money.of(applied.discount(), outcome.currency()).minor(), outcome.currency(), locale));
		return new CodeValidation(applied.code(), true, applied.campaignId(), outcome.currency(), applied.discount(),
				applied.freeShipping(), message);
	}
}
