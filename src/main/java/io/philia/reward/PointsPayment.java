package io.philia.reward;

/**
 * Points as payment at checkout: {@code points} pay {@code per} of {@code currency} ("100 points = 1.00
 * EUR"), for a share of the order (after discounts) between {@code minShare} and {@code maxShare} percent,
 * and never fewer than {@code minPoints} at once.
 */
public record PointsPayment(Long points, String per, String currency, Integer minShare, Integer maxShare,
		Long minPoints) {
}
