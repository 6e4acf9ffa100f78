package io.philia.member;

import java.util.regex.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.philia.member.Member.Consent;
import io.philia.member.NewMember.ConsentInput;
import io.philia.platform.TimeBounds;
import io.philia.platform.Violations;
import tools.jackson.databind.JsonNode;

/** Checks of a member's fields, shared by enrolment, changes and enrolment from events. */
final class MemberFields {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
	private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().-]{6,30}");
	private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z_]{0,29}");

	private static final int MAX_ATTRIBUTES_CHARS = 16 * 1024;

	private MemberFields() {
	}

	static String externalId(Violations v, String field, String value) {
		if (value != null && (value.isBlank() || value.length() > 200)) {
			v.add(field, "must be 1 to 200 characters");
		}
		return value;
	}

	static String email(Violations v, String field, String value) {
		if (value != null && (value.length() > 320 || !EMAIL.matcher(value).matches())) {
			v.add(field, "must be an e-mail address");
		}
		return value;
	}

	static String phone(Violations v, String field, String value) {
		if (value != null && !PHONE.matcher(value).matches()) {
			v.add(field, "must be a phone number, preferably international (+33 6 12 34 56 78)");
		}
		return value;
	}

	static String name(Violations v, String field, String value) {
		return v.checkLength(field, value, 200);
	}

	static LocalDate birthDate(Violations v, String field, String value, Clock clock) {
		if (value == null) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			if (date.isAfter(LocalDate.now(clock)) || date.isBefore(LocalDate.of(1900, 1, 1))) {
				v.add(field, "must be a date between 1900-01-01 and today");
			}
			return date;
		}
		catch (DateTimeParseException e) {
			v.add(field, "must be an ISO date such as 1990-04-12");
			return null;
		}
	}

	static String locale(Violations v, String field, String value) {
		if (value == null) {
			return null;
		}
		String locale = value.toLowerCase(Locale.ROOT);
		if (!locale.equals("fr") && !locale.equals("en")) {
			v.add(field, "must be fr or en");
		}
		return locale;
	}

	static Map<String, Consent> consents(Violations v, Map<String, ConsentInput> input, Clock clock) {
		Map<String, Consent> consents = new TreeMap<>();
		if (input == null) {
			return consents;
		}
		input.forEach((channel, consent) -> {
			String field = "consents." + channel;
			if (!CHANNEL.matcher(channel).matches()) {
				v.add(field, "channel names are lower-case words such as email, sms, push");
			}
			else if (consent == null || consent.granted() == null) {
				v.add(field + ".granted", "is required (true or false)");
			}
			else {
				Instant at = consent.at() == null ? clock.instant() : instant(v, field + ".at", consent.at());
				consents.put(channel, new Consent(consent.granted(), at));
			}
		});
		return consents;
	}

	static JsonNode attributes(Violations v, String field, JsonNode attributes) {
		if (attributes == null || attributes.isNull()) {
			return null;
		}
		if (!attributes.isObject()) {
			v.add(field, "must be a JSON object");
		}
		else if (attributes.toString().length() > MAX_ATTRIBUTES_CHARS) {
			v.add(field, "must be at most " + MAX_ATTRIBUTES_CHARS + " characters of JSON");
		}
		return attributes;
	}

	static Instant instant(Violations v, String field, String value) {
		Instant at;
		try {
			at = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			v.add(field, "must be an ISO-8601 time with an offset, such as 2026-11-22T10:00:00Z");
			return null;
		}
		return TimeBounds.check(v, field, at);
	}
}
