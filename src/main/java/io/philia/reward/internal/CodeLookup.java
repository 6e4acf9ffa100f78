package io.philia.reward.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import io.philia.program.StoreContext;
import io.philia.reward.CouponCode;
import io.philia.reward.RewardProblems;
import io.philia.reward.internal.CouponStore.Found;

/**
 * Finds a code a customer typed, under the limit on unknown codes: a store or customer out of allowance
 * gets 429 before the look-up; an unknown code counts against both and is a 404.
 */
@Component
public class CodeLookup {

	private final CouponStore coupons;

	private final FailedLookups failures;

	CodeLookup(CouponStore coupons, FailedLookups failures) {
		this.coupons = coupons;
		this.failures = failures;
	}

	public Found find(StoreContext store, String typed, List<String> customerKeys, String locale) {
		failures.check(store.storeId(), customerKeys, locale);
		String code = typed == null ? "" : CouponCode.normalise(typed);
		var found = CouponCode.NORMALISED.matcher(code).matches()
				? coupons.find(store.programId(), code) : java.util.Optional.<Found>empty();
		if (found.isEmpty()) {
			failures.failed(store.storeId(), customerKeys);
			throw MemberTexts.refusal(RewardProblems.COUPON_NOT_FOUND, "The programme has no code " + typed, locale);
		}
		return found.get();
	}
}
