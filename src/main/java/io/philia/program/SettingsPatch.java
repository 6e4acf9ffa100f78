package io.philia.program;

import java.util.Set;
import java.util.function.Function;

import io.philia.platform.Violations;
import tools.jackson.databind.JsonNode;

/**
 * Reads the lifecycle settings of a JSON merge patch (RFC 7396): an absent member keeps the current
 * value, null resets it to the default, an object replaces it whole. Every fault is collected against
 * its field, so that an administrator fixes a request in one round trip.
 */
final class SettingsPatch {

	static final Set<String> PROGRAMME_FIELDS = Set.of("name", "pointsName", "defaultLocale", "timeZone",
			"returnWindow", "expiry", "debt", "costPerPoint", "transfers");

	static final Set<String> STORE_FIELDS = Set.of("name", "returnWindow");

	private SettingsPatch() {
	}

	static void requireObject(Violations v, JsonNode patch, Set<String> known) {
		if (patch == null || !patch.isObject()) {
			v.add("body", "must be a JSON object").throwIfAny();
		}
		patch.propertyNames().stream()
			.filter(name -> !known.contains(name))
			.sorted()
			.forEach(name -> v.add(name, "is not a setting of this resource"));
	}

	static ProgrammeSettings apply(Violations v, ProgrammeSettings current, JsonNode patch) {
		return new ProgrammeSettings(
				value(v, patch, "returnWindow", current.returnWindow(), null, SettingsPatch::returnWindow),
				value(v, patch, "expiry", current.expiry(), ExpiryPolicy.NONE, SettingsPatch::expiry),
				value(v, patch, "debt", current.debt(), DebtPolicy.NONE, SettingsPatch::debt),
				value(v, patch, "costPerPoint", current.costPerPoint(), null, SettingsPatch::costPerPoint),
				value(v, patch, "transfers", current.transfers(), TransferLimits.DISABLED, SettingsPatch::transfers));
	}

	/** A store's return window: absent keeps it, null falls back to the programme's. */
	static ReturnWindow storeWindow(Violations v, ReturnWindow current, JsonNode patch) {
		return value(v, patch, "returnWindow", current, null, SettingsPatch::returnWindow);
	}

	private static <T> T value(Violations v, JsonNode patch, String field, T current, T reset,
			Function<JsonNode, T> parse) {
		if (!patch.has(field)) {
			return current;
		}
		JsonNode node = patch.get(field);
		if (node.isNull()) {
			return reset;
		}
		if (!node.isObject()) {
			v.add(field, "must be an object or null");
			return current;
		}
		return v.check(field, () -> parse.apply(node));
	}

	private static ReturnWindow returnWindow(JsonNode node) {
		return new ReturnWindow(integer(node, "days", true), text(node, "from"), integer(node, "fulfilledWithin", false));
	}

	private static ExpiryPolicy expiry(JsonNode node) {
		return new ExpiryPolicy(text(node, "policy"), integer(node, "months", false), text(node, "date"),
				integer(node, "yearsAfter", false));
	}

	private static DebtPolicy debt(JsonNode node) {
		return new DebtPolicy(text(node, "policy"), whole(node, "limit"));
	}

	private static CostPerPoint costPerPoint(JsonNode node) {
		return new CostPerPoint(text(node, "amount"), text(node, "currency"));
	}

	private static TransferLimits transfers(JsonNode node) {
		JsonNode enabled = node.get("enabled");
		if (enabled == null || !enabled.isBoolean()) {
			throw new IllegalArgumentException("enabled must be true or false");
		}
		return new TransferLimits(enabled.asBoolean(), whole(node, "maxPoints"), whole(node, "maxSentPerMonth"),
				whole(node, "maxReceivedPerMonth"));
	}

	private static String text(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException(name + " must be a string");
		}
		return value.asString();
	}

	private static Integer integer(JsonNode node, String name, boolean required) {
		Long value = whole(node, name);
		if (value == null) {
			if (required) {
				throw new IllegalArgumentException(name + " is required");
			}
			return null;
		}
		if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
			// Checked before narrowing: -4294967282 would otherwise become a valid 14.
			throw new IllegalArgumentException(name + (value > 0 ? " is too large" : " is too small"));
		}
		return value.intValue();
	}

	private static Long whole(JsonNode node, String name) {
		JsonNode value = node.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new IllegalArgumentException(name + " must be a whole number");
		}
		return value.asLong();
	}
}
