package io.philia.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock a test can move forward: it runs with real time from wherever it was last set, in microseconds
 * like the application's own clock. Return windows, expiry dates, reservations' timeouts and midnight in a
 * programme's time zone are then tested by moving time instead of waiting. Only ever move it forward:
 * ids are time-ordered, and other tests in the same Spring context share the clock.
 *
 * <p>Use with {@code @Import(MovableClock.Config.class)} and autowire {@link MovableClock}.
 */
public final class MovableClock extends Clock {

	private Instant anchor;

	private long anchorNanos;

	public MovableClock(Instant start) {
		setTo(start);
	}

	/** Jumps to this instant (which must not be before now) and runs on from there. */
	public synchronized void setTo(Instant instant) {
		if (anchor != null && instant.isBefore(instant())) {
			throw new IllegalArgumentException("a movable clock only moves forward: " + instant + " is before " + instant());
		}
		anchor = instant.truncatedTo(ChronoUnit.MICROS);
		anchorNanos = System.nanoTime();
	}

	/** Moves time forward by this much. */
	public synchronized void advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("a movable clock only moves forward");
		}
		setTo(instant().plus(duration));
	}

	@Override
	public synchronized Instant instant() {
		return anchor.plusNanos((System.nanoTime() - anchorNanos) / 1_000 * 1_000);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MovableClock self = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}
		};
	}

	/** Replaces the application's clock with one movable clock, starting at the real time. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock(Instant.now());
		}
	}
}
