package io.philia.rule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the rules module.
 *
 * @param ruleRecheck how long a node uses a programme's compiled rules before it asks the database whether
 * they changed: a change made through this node applies at once, one made on another node within that
 * time (5 s by default, as for stores and API keys)
 */
@ConfigurationProperties("philia")
public record RuleSettings(Duration ruleRecheck) {

	public RuleSettings {
		ruleRecheck = ruleRecheck == null ? Duration.ofSeconds(5) : ruleRecheck;
		if (ruleRecheck.isNegative()) {
			throw new IllegalArgumentException("philia.rule-recheck must not be negative");
		}
	}
}
