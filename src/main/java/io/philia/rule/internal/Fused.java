package io.philia.rule.internal;

import io.philia.rule.internal.Translation.Node;

/**
 * The commonest nodes of rules' conditions, a value compared with a literal ({@code l.amount > 20.0},
 * {@code l.brand == 'Brand A'}, {@code order.total >= 50}), as one closure rather than three or four.
 * Every closure call is a virtual call the JIT cannot inline: 25 loops over 20 lines of such tests were
 * a third of the time of 200 rules (issue #5). The values and the cases left to the interpreter are
 * those of {@link Arithmetic} and {@link Operators}.
 */
final class Fused {

	private static final long EXACT_DOUBLE = 1L << 53;

	private static final int LESS = 0, LESS_EQUALS = 1, GREATER = 2, GREATER_EQUALS = 3, EQUALS = 4, NOT_EQUALS = 5;

	private Fused() {
	}

	/** A literal. */
	record Constant(Object value) implements Node {

		@Override
		public Object eval(Facts facts, Object[] locals) {
			return value;
		}
	}

	/** A field of a comprehension's variable (a line's amount inside a loop over lines). */
	record LocalField(int slot, int position) implements Node {

		@Override
		public Object eval(Facts facts, Object[] locals) {
			return ((Struct) locals[slot]).field(position);
		}
	}

	/**
	 * {@code a} ordered against a literal {@code b}, by the operands' part of the overload ("_double_int64")
	 * and the relation ("less_equals"); null when {@code b} is no literal or one the comparison would
	 * leave to the interpreter on every event (NaN, an int beyond a double's exact range).
	 */
	static Node ordering(String operands, String relation, Node a, Node b) {
		int op = switch (relation) {
			case "less" -> LESS;
			case "less_equals" -> LESS_EQUALS;
			case "greater" -> GREATER;
			case "greater_equals" -> GREATER_EQUALS;
			default -> -1;
		};
		if (op < 0 || !(b instanceof Constant literal)) {
			return null;
		}
		return switch (operands) {
			case "_int64" -> new AgainstInt(a, (Long) literal.value(), op);
			case "_double_int64" -> {
				long y = (Long) literal.value();
				yield y > -EXACT_DOUBLE && y < EXACT_DOUBLE ? new AgainstDouble(a, false, y, op) : null;
			}
			default -> againstDouble(a, literal, operands.equals("_int64_double"), op);
		};
	}

	/** {@code a == b} or {@code a != b} for a literal {@code b}; null when it is none. */
	static Node equality(Node a, Node b, boolean doubles, boolean equal) {
		if (!(b instanceof Constant literal)) {
			return null;
		}
		if (doubles) {
			return againstDouble(a, literal, false, equal ? EQUALS : NOT_EQUALS);
		}
		return new Equal(a, literal.value(), equal);
	}

	private static Node againstDouble(Node a, Constant literal, boolean exactInt, int op) {
		double y = (Double) literal.value();
		return Double.isNaN(y) ? null : new AgainstDouble(a, exactInt, y, op);
	}

	/** The operand's value; a line's field read directly, the JIT inlines it. */
	private static Object operand(Node a, Facts facts, Object[] locals) {
		return a instanceof LocalField field ? field.eval(facts, locals) : a.eval(facts, locals);
	}

	/** A double (or an int exactly a double) against a double that is not NaN: Java's operators are IEEE's. */
	private record AgainstDouble(Node a, boolean exactInt, double y, int op) implements Node {

		@Override
		public Object eval(Facts facts, Object[] locals) {
			Object value = operand(a, facts, locals);
			double x = exactInt ? Operators.exact(value) : Operators.number(value);
			return switch (op) {
				case LESS -> x < y;
				case LESS_EQUALS -> x <= y;
				case GREATER -> x > y;
				case GREATER_EQUALS -> x >= y;
				case EQUALS -> x == y;
				default -> x != y;
			};
		}
	}

	private record AgainstInt(Node a, long y, int op) implements Node {

		@Override
		public Object eval(Facts facts, Object[] locals) {
			long x = (Long) operand(a, facts, locals);
			return switch (op) {
				case LESS -> x < y;
				case LESS_EQUALS -> x <= y;
				case GREATER -> x > y;
				default -> x >= y;
			};
		}
	}

	/** Int, string or bool, where Java's equals is CEL's. */
	private record Equal(Node a, Object value, boolean equal) implements Node {

		@Override
		public Object eval(Facts facts, Object[] locals) {
			return equal == operand(a, facts, locals).equals(value);
		}
	}
}
