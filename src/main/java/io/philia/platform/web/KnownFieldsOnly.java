package io.philia.platform.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

import io.philia.platform.FieldViolation;
import io.philia.platform.InvalidRequest;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON converter of the controllers: a request body naming a field its type does not have is refused
 * with every such field listed, as a merge patch is, rather than read as if the field were not there (a
 * typo would silently drop a value). A type whose shape may grow says so with
 * {@code @JsonIgnoreProperties(ignoreUnknown = true)} (events: shops send more than Philia reads) and is
 * read as before. The application's mapper itself stays lenient: JSON stored by an earlier version is still
 * read.
 */
final class KnownFieldsOnly extends JacksonJsonHttpMessageConverter {

	/** The unknown fields of the body being read on this thread; set only around a read. */
	private static final ThreadLocal<List<String>> UNKNOWN = new ThreadLocal<>();

	KnownFieldsOnly(JsonMapper json) {
		super(json.rebuild().addHandler(new Collect()).build());
	}

	@Override
	public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints) throws IOException {
		List<String> unknown = new ArrayList<>(0);
		UNKNOWN.set(unknown);
		Object value;
		try {
			value = super.read(type, input, hints);
		}
		finally {
			UNKNOWN.remove();
		}
		if (!unknown.isEmpty()) {
			throw new InvalidRequest(unknown.stream().map(field -> new FieldViolation(field, "is not a known field")).toList());
		}
		return value;
	}

	private static final class Collect extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
				Object beanOrClass, String propertyName) {
			List<String> unknown = UNKNOWN.get();
			if (unknown == null) {
				return false;
			}
			unknown.add(JsonPaths.currentField(p));
			p.skipChildren();
			return true;
		}
	}
}
