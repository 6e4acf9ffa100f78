package io.philia.platform;

/** One field at fault in a request: its path in the JSON body (dotted, with [i] for arrays) and why. */
public record FieldViolation(String field, String message) {
}
