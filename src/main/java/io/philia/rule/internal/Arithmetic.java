package io.philia.rule.internal;

import static io.philia.rule.internal.Operators.binary;
import static io.philia.rule.internal.Operators.exact;
import static io.philia.rule.internal.Operators.number;

import java.util.List;

import io.philia.rule.internal.Translation.Node;
import io.philia.rule.internal.Translation.Unsupported;

/**
 * CEL's arithmetic and ordering on int and double as {@link Translation} closures. Int arithmetic
 * overflows with an error in CEL: here {@code Math.*Exact} throws, and the interpreter reports it.
 * Comparisons between an int and a double (enabled in {@link ConditionLanguage}) compare exactly.
 */
final class Arithmetic {

	// Mixed operands first: "_double" also ends "_int64_double".
	private static final List<String> OPERANDS = List.of("_int64_double", "_double_int64", "_int64", "_double");

	private Arithmetic() {
	}

	static Node of(String overload, Node a, Node b) throws Unsupported {
		return switch (overload) {
			case "add_int64" -> binary(a, b, (x, y) -> Math.addExact((Long) x, (Long) y));
			case "subtract_int64" -> binary(a, b, (x, y) -> Math.subtractExact((Long) x, (Long) y));
			case "multiply_int64" -> binary(a, b, (x, y) -> Math.multiplyExact((Long) x, (Long) y));
			case "divide_int64" -> binary(a, b, (x, y) -> divide((Long) x, (Long) y));
			case "modulo_int64" -> binary(a, b, (x, y) -> modulo((Long) x, (Long) y));
			case "negate_int64" -> (f, l) -> Math.negateExact((Long) a.eval(f, l));
			case "add_double" -> binary(a, b, (x, y) -> (Double) x + (Double) y);
			case "subtract_double" -> binary(a, b, (x, y) -> (Double) x - (Double) y);
			case "multiply_double" -> binary(a, b, (x, y) -> (Double) x * (Double) y);
			case "divide_double" -> binary(a, b, (x, y) -> (Double) x / (Double) y);
			case "negate_double" -> (f, l) -> -(Double) a.eval(f, l);
			default -> ordering(overload, a, b);
		};
	}

	private static long divide(long x, long y) {
		// Java's int division throws on zero like CEL, but wraps MIN / -1 where CEL reports an overflow.
		return x == Long.MIN_VALUE && y == -1 ? (Long) Translation.undecided() : x / y;
	}

	private static long modulo(long x, long y) {
		return x == Long.MIN_VALUE && y == -1 ? (Long) Translation.undecided() : x % y;
	}

	private static Node ordering(String overload, Node a, Node b) throws Unsupported {
		String operands = OPERANDS.stream().filter(overload::endsWith).findFirst().orElseThrow(() -> new Unsupported(overload));
		String relation = overload.substring(0, overload.length() - operands.length());
		Node fused = Fused.ordering(operands, relation, a, b);
		if (fused != null) {
			return fused;
		}
		Comparison comparison = switch (operands) {
			case "_int64_double" -> (x, y) -> order(exact(x), number(y));
			case "_double_int64" -> (x, y) -> order(number(x), exact(y));
			case "_int64" -> (x, y) -> Long.compare((Long) x, (Long) y);
			default -> (x, y) -> order(number(x), number(y));
		};
		return switch (relation) {
			case "less" -> (f, l) -> comparison.compare(a.eval(f, l), b.eval(f, l)) < 0;
			case "less_equals" -> (f, l) -> comparison.compare(a.eval(f, l), b.eval(f, l)) <= 0;
			case "greater" -> (f, l) -> comparison.compare(a.eval(f, l), b.eval(f, l)) > 0;
			case "greater_equals" -> (f, l) -> comparison.compare(a.eval(f, l), b.eval(f, l)) >= 0;
			default -> throw new Unsupported(overload);
		};
	}

	/** IEEE order, where -0.0 equals 0.0 (Double.compare would put it first). */
	private static int order(double x, double y) {
		return x < y ? -1 : x > y ? 1 : 0;
	}

	private interface Comparison {

		int compare(Object a, Object b);
	}
}
