package io.philia.reward;

/**
 * A reward of the catalogue as one member sees it now: its name and description in their language,
 * and whether they can redeem it; if not, why ({@code reason}, a problem slug) and what to tell them.
 */
public record MemberReward(Reward reward, String name, String description, boolean redeemable, String reason,
		String message) {
}
