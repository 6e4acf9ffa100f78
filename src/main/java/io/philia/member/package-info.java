/**
 * Members: customers enrolled in a programme, their identities, consents and attributes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members")
package io.philia.member;
