package io.philia.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;

/** Where a parser stands in a body, written as a field violation names it: {@code order.lines[0].sku}. */
final class JsonPaths {

	private JsonPaths() {
	}

	/**
	 * The field whose name the parser read last. Once it has also read the start of that field's object or
	 * array value, it stands inside that value: the field is named by the enclosing object.
	 */
	static String currentField(JsonParser parser) {
		TokenStreamContext context = parser.streamReadContext();
		JsonToken token = parser.currentToken();
		if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
			context = context.getParent();
		}
		return of(context);
	}

	static String of(TokenStreamContext context) {
		var path = new StringBuilder();
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			if (c.inArray()) {
				path.insert(0, "[" + c.getCurrentIndex() + "]");
			}
			else if (c.currentName() != null) {
				path.insert(0, "." + c.currentName());
			}
		}
		return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
	}
}
