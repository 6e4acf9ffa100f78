package io.philia.reward;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of rewards, coupons and checkouts.
 *
 * @param reservationTimeout how long a checkout holds its codes and points before they are released
 * @param sweepInterval how often expired reservations are released (each node claims its own share)
 * @param storeLookupFailures unknown codes a store may try per {@code lookupWindow} before it gets 429s
 * @param customerLookupFailures unknown codes one member or one IP address may try per {@code lookupWindow}
 * @param lookupWindow the window of both limits; the allowance refills steadily over it
 * @param maxCodesPerBatch the most unique codes one generation request makes
 */
@ConfigurationProperties("philia.reward")
public record RewardSettings(Duration reservationTimeout, Duration sweepInterval, Integer storeLookupFailures,
		Integer customerLookupFailures, Duration lookupWindow, Integer maxCodesPerBatch) {

	public RewardSettings {
		reservationTimeout = reservationTimeout == null ? Duration.ofMinutes(30) : reservationTimeout;
		sweepInterval = sweepInterval == null ? Duration.ofSeconds(30) : sweepInterval;
		storeLookupFailures = storeLookupFailures == null ? 1000 : storeLookupFailures;
		customerLookupFailures = customerLookupFailures == null ? 10 : customerLookupFailures;
		lookupWindow = lookupWindow == null ? Duration.ofMinutes(10) : lookupWindow;
		maxCodesPerBatch = maxCodesPerBatch == null ? 1_000_000 : maxCodesPerBatch;
		if (reservationTimeout.isNegative() || reservationTimeout.isZero() || storeLookupFailures < 1
				|| customerLookupFailures < 1 || lookupWindow.isZero() || maxCodesPerBatch < 1) {
			throw new IllegalArgumentException("philia.reward timeouts, windows and limits must be positive");
		}
	}
}
