package io.philia.ledger;

/**
 * A member's points: {@code available} to spend, {@code pending} until a return window closes, and
 * {@code lifetimeEarned} (all points ever earned, less what was clawed back).
 */
public record Balance(long available, long pending, long lifetimeEarned) {

	public static final Balance ZERO = new Balance(0, 0, 0);
}
