package io.philia.reward;

/**
 * A member redeeming a reward: which one, where a gift goes, and the language of the answer's messages
 * (absent: the member's, else the programme's).
 */
public record RedeemRequest(String rewardId, ShippingAddress shippingAddress, String locale) {
}
