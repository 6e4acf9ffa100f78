package io.philia.member;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A customer enrolled in a programme. Absent fields are not set. {@code mergedInto} names the member this
 * account was merged into (the same person enrolled twice): events naming it reach that member.
 */
public record Member(String id, String externalId, String email, String phone, String firstName, String lastName,
		LocalDate birthDate, String locale, Map<String, Consent> consents, JsonNode attributes, Instant enrolledAt,
		Instant updatedAt, String mergedInto) {

	public Member(String id, String externalId, String email, String phone, String firstName, String lastName,
			LocalDate birthDate, String locale, Map<String, Consent> consents, JsonNode attributes, Instant enrolledAt,
			Instant updatedAt) {
		this(id, externalId, email, phone, firstName, lastName, birthDate, locale, consents, attributes, enrolledAt,
				updatedAt, null);
	}

	/** A member's answer for one channel (email, sms, push…), and when it was given. */
	public record Consent(boolean granted, Instant at) {
	}
}
