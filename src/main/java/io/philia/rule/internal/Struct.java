package io.philia.rule.internal;

import java.util.AbstractMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A value of one of the condition language's structs (an order, a line, the member…): its fields by
 * position, in the order {@link ConditionLanguage} declares them. Compiled conditions read a field by its
 * position; the CEL interpreter sees the same value as a map from field name to value.
 *
 * <p>Some fields may cost a query (the member's figures from past orders): they hold {@link #LATER} until
 * a reader needs one, then {@code complete} fills them all at once.
 */
final class Struct extends AbstractMap<String, Object> {

	/** Stands for a field not computed yet. */
	static final Object LATER = new Object();

	/** The fields of one struct type, by name and position. */
	record Shape(String name, List<String> fields, Map<String, Integer> positions) {

		static Shape of(String name, List<String> fields) {
			Map<String, Integer> positions = new HashMap<>();
			for (int i = 0; i < fields.size(); i++) {
				positions.put(fields.get(i), i);
			}
			return new Shape(name, List.copyOf(fields), Map.copyOf(positions));
		}

		/** A value with its fields given in declaration order. */
		Struct of(Object... values) {
			return new Struct(this, values, null);
		}

		Struct of(Consumer<Object[]> complete, Object... values) {
			return new Struct(this, values, complete);
		}

		int position(String field) {
			Integer position = positions.get(field);
			if (position == null) {
				throw new IllegalArgumentException(name + " has no field " + field);
			}
			return position;
		}
	}

	private final Shape shape;

	private final Object[] values;

	private Consumer<Object[]> complete;

	private Struct(Shape shape, Object[] values, Consumer<Object[]> complete) {
		if (values.length != shape.fields().size()) {
			throw new IllegalArgumentException(shape.name() + " has " + shape.fields().size() + " fields");
		}
		this.shape = shape;
		this.values = values;
		this.complete = complete;
	}

	/** The field at a position of the shape. */
	Object field(int position) {
		Object value = values[position];
		if (value == LATER) {
			complete.accept(values);
			complete = null;
			value = values[position];
		}
		return value;
	}

	@Override
	public Object get(Object key) {
		Integer position = shape.positions().get(key);
		return position == null ? null : field(position);
	}

	@Override
	public boolean containsKey(Object key) {
		return shape.positions().containsKey(key);
	}

	@Override
	public int size() {
		return values.length;
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		Map<String, Object> all = new LinkedHashMap<>();
		for (int i = 0; i < values.length; i++) {
			all.put(shape.fields().get(i), field(i));
		}
		return all.entrySet();
	}
}
