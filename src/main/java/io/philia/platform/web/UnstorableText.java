package io.philia.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A string of a request body that the database could not store as sent (see {@link StorableText}). Jackson
 * adds the path of the field as it unwinds; the problem names that field.
 */
final class UnstorableText extends MismatchedInputException {

	private final String reason;

	UnstorableText(JsonParser parser, String reason) {
		super(parser, reason, String.class);
		this.reason = reason;
	}

	/** Why, as a field violation says it: "must not contain the character U+0000". */
	String reason() {
		return reason;
	}
}
