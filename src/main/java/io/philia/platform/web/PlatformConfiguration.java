package io.philia.platform.web;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared clock: every module takes time from it, so tests can move time. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

	/**
	 * Ticks in microseconds, the precision both databases store: an answer written now and the same
	 * object read back later then show the same times.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}
}
