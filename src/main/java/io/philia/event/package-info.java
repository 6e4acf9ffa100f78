/**
 * Inbound events from stores (orders placed, paid, cancelled, refunded; custom events): validation,
 * idempotency, enrolment of new customers and the points each event earns or takes back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Events")
package io.philia.event;
