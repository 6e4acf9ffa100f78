/**
 * Rewards: the catalogue of what points buy, redemptions, coupons (shared promo codes, batches of unique
 * codes, reward and next-order coupons) and the checkout API a shop calls to validate, reserve, redeem and
 * release codes and points as payment.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rewards and coupons")
package io.philia.reward;
