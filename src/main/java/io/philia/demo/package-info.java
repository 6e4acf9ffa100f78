/**
 * Demo data for {@code ./philia dev}: a programme, a store, its API key, and a few members and orders sent
 * as real events, so that everything a newcomer sees went through the same path as production data.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package io.philia.demo;
