package io.philia.reward.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.philia.platform.Throttled;
import io.philia.reward.RewardProblems;
import io.philia.reward.RewardSettings;

/**
 * Limits unknown-code look-ups against guessing, per store and per member or IP address: each key has an
 * allowance of failures that refills steadily over the window (a token bucket). A key without allowance
 * gets 429 before any look-up, valid code or not, so a guesser learns nothing while blocked.
 *
 * <p>A store out of allowance (guessing spread over many addresses) does not lock out its customers: one
 * who names themselves (a member or an IP address) and has no failure in the window is still answered,
 * but a failure then uses up their whole allowance, so each address gets one try per window while the
 * store is under attack instead of blocking every checkout of the shop. A look-up that names nobody is
 * refused while the store is out of allowance.
 *
 * <p>The buckets live in this node's memory: with several nodes, a guesser spread over all of them gets
 * each node's allowance. Counting in the database instead would put a write on every failed look-up.
 */
@Component
public class FailedLookups {

	private static final int MAX_KEYS = 100_000;

	private final Clock clock;

	private final RewardSettings settings;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	FailedLookups(Clock clock, RewardSettings settings) {
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Refuses with 429 and Retry-After if the customer has no failures left, or if the store has none and
	 * the customer is not one with a clean record.
	 */
	public void check(String storeKey, List<String> customerKeys, String locale) {
		long now = clock.millis();
		long wait = 0;
		for (String key : customerKeys) {
			wait = Math.max(wait, waitMillis(key, settings.customerLookupFailures(), now));
		}
		long storeWait = waitMillis("store:" + storeKey, settings.storeLookupFailures(), now);
		if (storeWait > 0 && !clean(customerKeys, now)) {
			wait = Math.max(wait, storeWait);
		}
		if (wait > 0) {
			throw new Throttled(RewardProblems.TOO_MANY_FAILED_LOOKUPS,
					"Too many unknown codes from this store or customer; retry later",
					(wait + 999) / 1000, Map.of("message",
							MemberTexts.text(locale, RewardProblems.TOO_MANY_FAILED_LOOKUPS.slug()), "locale", locale));
		}
	}

	/**
	 * Counts one unknown code against the store and the customer; while the store is out of allowance,
	 * it takes the customer's whole allowance.
	 */
	public void failed(String storeKey, List<String> customerKeys) {
		long now = clock.millis();
		boolean underAttack = waitMillis("store:" + storeKey, settings.storeLookupFailures(), now) > 0;
		take("store:" + storeKey, settings.storeLookupFailures(), now, 1);
		int customers = settings.customerLookupFailures();
		customerKeys.forEach(key -> take(key, customers, now, underAttack ? customers : 1));
	}

	/** A customer who names themselves and has no failure left to refill. */
	private boolean clean(List<String> customerKeys, long now) {
		if (customerKeys.isEmpty()) {
			return false;
		}
		for (String key : customerKeys) {
			Bucket bucket = buckets.get(key);
			if (bucket != null && !bucket.full(settings.customerLookupFailures(), settings.lookupWindow().toMillis(), now)) {
				return false;
			}
		}
		return true;
	}

	private long waitMillis(String key, int capacity, long now) {
		Bucket bucket = buckets.get(key);
		return bucket == null ? 0 : bucket.waitMillis(capacity, settings.lookupWindow().toMillis(), now);
	}

	private void take(String key, int capacity, long now, int failures) {
		if (buckets.size() >= MAX_KEYS) {
			// Full buckets carry no information: dropping them forgets nobody who is being limited.
			buckets.values().removeIf(b -> b.waitMillis(capacity, settings.lookupWindow().toMillis(), now) == 0
					&& b.full(capacity, settings.lookupWindow().toMillis(), now));
		}
		buckets.computeIfAbsent(key, k -> new Bucket(capacity, now))
			.take(capacity, settings.lookupWindow().toMillis(), now, failures);
	}

	/** Failures left (fractional, refilled at capacity per window) as of {@code at}. */
	private static final class Bucket {

		private double left;

		private long at;

		Bucket(int capacity, long now) {
			this.left = capacity;
			this.at = now;
		}

		synchronized void take(int capacity, long window, long now, int failures) {
			refill(capacity, window, now);
			left = Math.max(0, left - failures);
		}

		synchronized long waitMillis(int capacity, long window, long now) {
			refill(capacity, window, now);
			return left >= 1 ? 0 : (long) Math.ceil((1 - left) * window / capacity);
		}

		synchronized boolean full(int capacity, long window, long now) {
			refill(capacity, window, now);
			return left >= capacity;
		}

		private void refill(int capacity, long window, long now) {
			if (now > at) {
				left = Math.min(capacity, left + (double) (now - at) * capacity / window);
				at = now;
			}
		}
	}
}
