package io.philia.member;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A customer to enrol, as the store API receives it. At least one of externalId and email.
 *
 * @param externalId the shop's own customer id, unique in the programme
 * @param birthDate an ISO date, 1990-04-12
 * @param locale fr or en
 * @param consents per channel (email, sms, push…): granted or not, and when (now if absent)
 * @param attributes free JSON object the shop keeps on the member (segments and rules read it)
 */
public record NewMember(String externalId, String email, String phone, String firstName, String lastName,
		String birthDate, String locale, Map<String, ConsentInput> consents, JsonNode attributes) {

	/** A consent as sent: {@code {"granted": true, "at": "2026-11-01T10:00:00Z"}}. */
	public record ConsentInput(Boolean granted, String at) {
	}
}
