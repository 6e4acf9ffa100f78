/**
 * Earning rules: what an event earns, decided by rules a marketer writes (trigger, CEL condition, effect,
 * limits, validity window, priority), versioned and audited, compiled once and cached; simulation with
 * the reason each rule applied or not. The store's fixed rate is the default rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Earning rules")
package io.philia.rule;
