package io.philia.rule.internal;

/** What one rule decided for an event, and why. */
public sealed interface Decision {

	String why();

	record Applied(long points, String why) implements Decision {
	}

	record Skipped(String why) implements Decision {
	}

	/** The rule's expression could not be evaluated (a division by zero, a missing key): it gives nothing. */
	record Failed(String why) implements Decision {
	}
}
