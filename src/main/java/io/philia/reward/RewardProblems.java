package io.philia.reward;

import io.philia.platform.ProblemType;

/**
 * Refusals of the reward module (codes 7000–7999). Refusals a member may see carry a {@code message} in
 * the member's language beside the developer's {@code detail}.
 */
public final class RewardProblems {

	public static final ProblemType REWARD_NOT_FOUND = new ProblemType("reward-not-found", 7001, 404, "No such reward");

	public static final ProblemType OUT_OF_STOCK = new ProblemType("reward-out-of-stock", 7002, 409,
			"The reward is out of stock");

	public static final ProblemType REWARD_LIMIT_REACHED = new ProblemType("reward-limit-reached", 7003, 409,
			"The member has redeemed this reward as many times as allowed");

	public static final ProblemType REWARD_NOT_YET_AVAILABLE = new ProblemType("reward-not-yet-available", 7004, 422,
			"The reward is not available yet");

	public static final ProblemType REWARD_NO_LONGER_AVAILABLE = new ProblemType("reward-no-longer-available", 7005,
			422, "The reward is no longer available");

	public static final ProblemType WRONG_TIER = new ProblemType("reward-wrong-tier", 7006, 422,
			"The reward is reserved to other tiers");

	public static final ProblemType REDEMPTION_NOT_FOUND = new ProblemType("redemption-not-found", 7010, 404,
			"No such redemption");

	public static final ProblemType REDEMPTION_NOT_CANCELLABLE = new ProblemType("redemption-not-cancellable", 7011,
			409, "The redemption can no longer be cancelled");

	public static final ProblemType REDEMPTION_NOT_FULFILLABLE = new ProblemType("redemption-not-fulfillable", 7012,
			409, "Only an issued gift or partner reward can be marked fulfilled");

	public static final ProblemType CAMPAIGN_NOT_FOUND = new ProblemType("coupon-campaign-not-found", 7020, 404,
			"No such coupon campaign");

	public static final ProblemType CODE_TAKEN = new ProblemType("coupon-code-taken", 7021, 409,
			"The programme already has a coupon with this code");

	public static final ProblemType COUPON_NOT_FOUND = new ProblemType("coupon-not-found", 7022, 404,
			"No such coupon code");

	public static final ProblemType COUPON_NOT_YET_VALID = new ProblemType("coupon-not-yet-valid", 7023, 422,
			"The coupon is not valid yet");

	public static final ProblemType COUPON_EXPIRED = new ProblemType("coupon-expired", 7024, 422, "The coupon has expired");

	public static final ProblemType COUPON_USED_UP = new ProblemType("coupon-used-up", 7025, 409,
			"The coupon has been used as many times as allowed");

	public static final ProblemType COUPON_MEMBER_LIMIT = new ProblemType("coupon-member-limit", 7026, 409,
			"The member has used this coupon as many times as allowed");

	public static final ProblemType COUPON_MINIMUM_BASKET = new ProblemType("coupon-minimum-basket", 7027, 422,
			"The cart is below the coupon's minimum basket");

	public static final ProblemType COUPON_OUT_OF_SCOPE = new ProblemType("coupon-out-of-scope", 7028, 422,
			"No product of the cart is covered by the coupon");

	public static final ProblemType COUPON_NOT_STACKABLE = new ProblemType("coupon-not-stackable", 7029, 422,
			"The coupon cannot be combined with the other codes of the cart");

	public static final ProblemType COUPON_CURRENCY = new ProblemType("coupon-currency", 7030, 422,
			"The coupon is not valid in the cart's currency");

	public static final ProblemType COUPON_OF_ANOTHER_MEMBER = new ProblemType("coupon-of-another-member", 7031, 422,
			"The coupon belongs to another member");

	public static final ProblemType COUPON_INACTIVE = new ProblemType("coupon-inactive", 7032, 422,
			"The coupon has been withdrawn");

	public static final ProblemType COUPON_MEMBER_REQUIRED = new ProblemType("coupon-member-required", 7033, 422,
			"The coupon is for signed-in members only");

	public static final ProblemType TOO_MANY_FAILED_LOOKUPS = new ProblemType("too-many-failed-code-lookups", 7034,
			429, "Too many unknown codes were tried; wait before trying again");

	public static final ProblemType CHECKOUT_NOT_FOUND = new ProblemType("checkout-not-found", 7040, 404,
			"No such checkout");

	public static final ProblemType CHECKOUT_EXPIRED = new ProblemType("checkout-expired", 7041, 409,
			"The checkout's reservation has expired");

	public static final ProblemType CHECKOUT_CLOSED = new ProblemType("checkout-closed", 7042, 409,
			"The checkout was already redeemed or released");

	public static final ProblemType POINTS_PAYMENT_UNAVAILABLE = new ProblemType("points-payment-unavailable", 7043,
			422, "Points cannot pay for this order");

	public static final ProblemType POINTS_PAYMENT_OUT_OF_BOUNDS = new ProblemType("points-payment-out-of-bounds",
			7044, 422, "The points are outside the share of the order they may pay");

	public static final ProblemType ORDER_ALREADY_CHECKED_OUT = new ProblemType("order-already-checked-out", 7045, 409,
			"The order's checkout was already redeemed");

	private RewardProblems() {
	}
}
