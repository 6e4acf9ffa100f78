/**
 * Programmes (the tenant), their stores, store API keys and settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Programmes and stores")
package io.philia.program;
