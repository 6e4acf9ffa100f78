package io.philia.rule.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** JSON as CEL values: objects as maps, arrays as lists, integers as int, other numbers as double. */
final class Json {

	private Json() {
	}

	static Map<String, Object> object(JsonNode node) {
		if (node == null || !node.isObject()) {
			return Map.of();
		}
		Map<String, Object> map = new LinkedHashMap<>();
		node.properties().forEach(e -> {
			Object value = value(e.getValue());
			if (value != null) {
				map.put(e.getKey(), value);
			}
		});
		return map;
	}

	private static Object value(JsonNode node) {
		if (node.isObject()) {
			return object(node);
		}
		if (node.isArray()) {
			List<Object> list = new ArrayList<>();
			node.values().forEach(item -> {
				Object value = value(item);
				if (value != null) {
					list.add(value);
				}
			});
			return list;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isNumber()) {
			return node.doubleValue();
		}
		if (node.isBoolean()) {
			return node.booleanValue();
		}
		if (node.isString()) {
			return node.stringValue();
		}
		// JSON null: CEL sees the key as absent.
		return null;
	}
}
