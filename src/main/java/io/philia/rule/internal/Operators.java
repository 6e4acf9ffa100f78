package io.philia.rule.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import io.philia.rule.internal.Translation.Node;
import io.philia.rule.internal.Translation.Unsupported;

/**
 * CEL's standard functions as {@link Translation} closures, by the overload the checker chose. Each
 * gives CEL's value or {@link Translation#undecided()}: on CEL's errors (overflow, division by zero, an
 * index out of range) and on the cases where Java and CEL might differ (NaN, an int too large to be an
 * exact double). A Java exception (an overflow from {@code Math.addExact}) has the same effect.
 */
final class Operators {

	private static final long EXACT_DOUBLE = 1L << 53;

	private Operators() {
	}

	interface Binary {

		Object apply(Object a, Object b);
	}

	static Node call(Translation translation, CelExpr e) throws Unsupported {
		String overload = translation.overload(e);
		List<CelExpr> operands = new ArrayList<>();
		e.call().target().ifPresent(operands::add);
		operands.addAll(e.call().args());
		List<Node> args = new ArrayList<>();
		for (CelExpr operand : operands) {
			args.add(translation.node(operand));
		}
		Node a = args.get(0);
		Node b = args.size() > 1 ? args.get(1) : null;
		return switch (overload) {
			case "logical_and" -> (f, l) -> bool(a.eval(f, l)) ? bool(b.eval(f, l)) : false;
			case "logical_or" -> (f, l) -> bool(a.eval(f, l)) ? true : bool(b.eval(f, l));
			case "logical_not" -> (f, l) -> !bool(a.eval(f, l));
			case "not_strictly_false" -> (f, l) -> bool(a.eval(f, l));
			case "conditional" -> (f, l) -> bool(a.eval(f, l)) ? b.eval(f, l) : args.get(2).eval(f, l);
			case "equals" -> equality(translation, operands, a, b, true);
			case "not_equals" -> equality(translation, operands, a, b, false);
			case "in_list" -> in(translation, operands, a, b);
			case "in_map" -> {
				if (!(translation.type(operands.get(1)) instanceof MapType map) || !map.keyType().equals(SimpleType.STRING)) {
					throw new Unsupported("in on a map without string keys");
				}
				yield (f, l) -> ((Map<?, ?>) b.eval(f, l)).containsKey(a.eval(f, l));
			}
			case "size_string", "string_size" -> (f, l) -> {
				String s = (String) a.eval(f, l);
				return (long) s.codePointCount(0, s.length());
			};
			case "size_list", "list_size" -> (f, l) -> (long) ((List<?>) a.eval(f, l)).size();
			case "size_map", "map_size" -> (f, l) -> (long) ((Map<?, ?>) a.eval(f, l)).size();
			case "contains_string" -> binary(a, b, (x, y) -> ((String) x).contains((String) y));
			case "starts_with_string" -> binary(a, b, (x, y) -> ((String) x).startsWith((String) y));
			case "ends_with_string" -> binary(a, b, (x, y) -> ((String) x).endsWith((String) y));
			case "add_string" -> binary(a, b, (x, y) -> (String) x + y);
			case "add_list" -> binary(a, b, (x, y) -> {
				List<Object> both = new ArrayList<>((List<?>) x);
				both.addAll((List<?>) y);
				return both;
			});
			case "index_list" -> binary(a, b, (x, y) -> {
				List<?> list = (List<?>) x;
				long i = (Long) y;
				return i < 0 || i >= list.size() ? Translation.undecided() : list.get((int) i);
			});
			case "index_map" -> binary(a, b, (x, y) -> {
				Object value = ((Map<?, ?>) x).get(y);
				return value == null ? Translation.undecided() : value;
			});
			case "int64_to_double" -> (f, l) -> (double) (Long) a.eval(f, l);
			case "double_to_int64" -> (f, l) -> {
				double d = (Double) a.eval(f, l);
				return d > -9.2e18 && d < 9.2e18 ? (Object) (long) d : Translation.undecided();
			};
			default -> Arithmetic.of(overload, a, b);
		};
	}

	static Node binary(Node a, Node b, Binary op) {
		return (f, l) -> op.apply(a.eval(f, l), b.eval(f, l));
	}

	/** A boolean operand; anything else (an error CEL might absorb) is the interpreter's to decide. */
	static boolean bool(Object value) {
		return value instanceof Boolean b ? b : (Boolean) Translation.undecided();
	}

	/** A double CEL and Java compare alike: not NaN. */
	static double number(Object value) {
		double d = (Double) value;
		return Double.isNaN(d) ? (Double) Translation.undecided() : d;
	}

	/** An int as a double, where the conversion is exact. */
	static double exact(Object value) {
		long n = (Long) value;
		return n > -EXACT_DOUBLE && n < EXACT_DOUBLE ? n : (Double) Translation.undecided();
	}

	private static Node equality(Translation translation, List<CelExpr> operands, Node a, Node b, boolean equal)
			throws Unsupported {
		CelType type = translation.type(operands.get(0));
		if (!type.equals(translation.type(operands.get(1)))) {
			throw new Unsupported("equality of different types");
		}
		boolean doubles = type.equals(SimpleType.DOUBLE);
		if (!doubles && !plain(type)) {
			throw new Unsupported("equality of " + type.name());
		}
		Node fused = Fused.equality(a, b, doubles, equal);
		if (fused != null) {
			return fused;
		}
		if (doubles) {
			return (f, l) -> equal == (number(a.eval(f, l)) == number(b.eval(f, l)));
		}
		// Java's equals is CEL's here; the most frequent test, kept to one call.
		return (f, l) -> equal == a.eval(f, l).equals(b.eval(f, l));
	}

	private static Node in(Translation translation, List<CelExpr> operands, Node a, Node b) throws Unsupported {
		CelType type = translation.type(operands.get(0));
		if (!(translation.type(operands.get(1)) instanceof ListType list) || !list.elemType().equals(type)) {
			throw new Unsupported("in on a list of another type");
		}
		Binary same = sameness(type);
		return (f, l) -> {
			Object value = a.eval(f, l);
			for (Object element : (List<?>) b.eval(f, l)) {
				if ((Boolean) same.apply(value, element)) {
					return true;
				}
			}
			return false;
		};
	}

	/** CEL's equality for values of one simple type; other types are left to the interpreter. */
	private static Binary sameness(CelType type) throws Unsupported {
		if (plain(type)) {
			return (x, y) -> x.equals(y);
		}
		if (type.equals(SimpleType.DOUBLE)) {
			return (x, y) -> number(x) == number(y);
		}
		throw new Unsupported("equality of " + type.name());
	}

	/** Int, string and bool: types whose values CEL and Java's equals compare alike. */
	private static boolean plain(CelType type) {
		return type.equals(SimpleType.INT) || type.equals(SimpleType.STRING) || type.equals(SimpleType.BOOL);
	}
}
