package io.philia.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every fault of a request before refusing it, so that a shop's developer fixes a payload in
 * one round trip.
 */
public final class Violations {

	private final List<FieldViolation> list = new ArrayList<>();

	public Violations add(String field, String message) {
		list.add(new FieldViolation(field, message));
		return this;
	}

	public boolean isEmpty() {
		return list.isEmpty();
	}

	/** Runs a parse and records its {@link IllegalArgumentException} against the field; null on failure. */
	public <T> T check(String field, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			add(field, e.getMessage());
			return null;
		}
	}

	public String requireText(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			add(field, "is required");
			return null;
		}
		return checkLength(field, value, maxLength);
	}

	public String checkLength(String field, String value, int maxLength) {
		if (value != null && value.length() > maxLength) {
			add(field, "must be at most " + maxLength + " characters");
		}
		return value;
	}

	public void throwIfAny() {
		if (!list.isEmpty()) {
			throw new InvalidRequest(list);
		}
	}
}
