package io.philia.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jackson.BaseNodeDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses, as it is read, every string of a JSON body the database could not store: values of text fields,
 * map keys, and the strings and names of free JSON (an event's data, a merge patch, a batch). The check is
 * one pass over characters already decoded; it allocates only to refuse.
 */
final class StorableTextModule extends SimpleModule {

	/** A key at fault is named by its object: the key itself is what cannot be written back. */
	private static final String KEY = "has a key that ";

	StorableTextModule() {
		super("philia-storable-text");
		addDeserializer(String.class, new Strings());
		addKeyDeserializer(String.class, new Keys());
		addDeserializer(JsonNode.class, new Trees());
	}

	private static final class Strings extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			String fault = value == null ? null : StorableText.fault(value);
			if (fault != null) {
				throw new UnstorableText(p, fault);
			}
			return value;
		}
	}

	private static final class Keys extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			String fault = StorableText.fault(key);
			if (fault != null) {
				throw new UnstorableText(ctxt.getParser(), KEY + fault);
			}
			return key;
		}
	}

	/** Free JSON: read as Jackson does, then walked once; the path to a bad string is built only to refuse. */
	private static final class Trees extends JsonNodeDeserializer {

		Trees() {
		}

		private Trees(Trees base, boolean mergeArrays, boolean mergeObjects) {
			super(base, mergeArrays, mergeObjects);
		}

		@Override
		protected BaseNodeDeserializer<?> _createWithMerge(boolean mergeArrays, boolean mergeObjects) {
			return new Trees(this, mergeArrays, mergeObjects);
		}

		@Override
		public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) {
			JsonNode node = super.deserialize(p, ctxt);
			UnstorableText fault = check(p, node);
			if (fault != null) {
				throw fault;
			}
			return node;
		}

		private static UnstorableText check(JsonParser p, JsonNode node) {
			if (node.isString()) {
				String fault = StorableText.fault(node.stringValue());
				return fault == null ? null : new UnstorableText(p, fault);
			}
			if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					UnstorableText fault = check(p, node.get(i));
					if (fault != null) {
						fault.prependPath(node, i);
						return fault;
					}
				}
			}
			else if (node.isObject()) {
				for (var property : node.properties()) {
					String name = StorableText.fault(property.getKey());
					if (name != null) {
						return new UnstorableText(p, KEY + name);
					}
					UnstorableText fault = check(p, property.getValue());
					if (fault != null) {
						fault.prependPath(node, property.getKey());
						return fault;
					}
				}
			}
			return null;
		}
	}
}
