/**
 * Shared kernel: ids, money, clock, problem+json errors, idempotency, paging. Every other module may use
 * its top-level types; its sub-packages are its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.philia.platform;
