package io.philia.rule.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;

/**
 * A checked CEL expression translated into Java closures over {@link Facts}, for the subset of CEL that
 * rules are written in: literals, fields, comparisons, arithmetic, logic, {@code in}, size and string
 * tests, lists and the comprehension macros. CEL's tree-walking interpreter costs about 10 µs for a
 * loop over 20 order lines; the closures a small fraction of it (issue #5: 200 rules in under 50 µs).
 *
 * <p>The closures decide only what they are sure CEL decides the same way. Wherever CEL would give an
 * error (an overflow, a division by zero, a missing key), or would absorb one ({@code false && error}),
 * they give up with {@link Undecided} and the interpreter evaluates the whole expression: its value and
 * its error messages stay CEL's own. An expression using anything else is not translated at all.
 */
final class Translation {

	/** One node of a translated expression; {@code locals} holds the comprehensions' variables. */
	interface Node {

		Object eval(Facts facts, Object[] locals);
	}

	/** A translated expression and the number of comprehension variables it needs. */
	record Translated(Node root, int locals) {

		Object eval(Facts facts) {
			return root.eval(facts, locals == 0 ? NO_LOCALS : new Object[locals]);
		}
	}

	/** The closures cannot decide: CEL's interpreter will. Without a stack trace, it costs little. */
	static final class Undecided extends RuntimeException {

		static final Undecided INSTANCE = new Undecided();

		private Undecided() {
			super("left to the CEL interpreter", null, false, false);
		}
	}

	/** A node outside the subset: the expression is left to the interpreter. */
	static final class Unsupported extends Exception {

		Unsupported(String what) {
			super(what, null, false, false);
		}
	}

	private static final Object[] NO_LOCALS = {};

	// CEL's own bound (ConditionLanguage's options): a longer loop is CEL's error to report.
	private static final int MAX_ITERATIONS = 10_000;

	private final CelAbstractSyntaxTree ast;

	private final List<String> scope = new ArrayList<>();

	private int locals;

	private Translation(CelAbstractSyntaxTree ast) {
		this.ast = ast;
	}

	/** The closures for a checked expression, or empty if it uses something outside the subset. */
	static Optional<Translated> of(CelAbstractSyntaxTree ast) {
		var translation = new Translation(ast);
		try {
			Node root = translation.node(ast.getExpr());
			return Optional.of(new Translated(root, translation.locals));
		}
		catch (Unsupported e) {
			return Optional.empty();
		}
	}

	static Object undecided() {
		throw Undecided.INSTANCE;
	}

	Node node(CelExpr e) throws Unsupported {
		return switch (e.getKind()) {
			case CONSTANT -> constant(e.constant());
			case IDENT -> ident(e.ident().name());
			case SELECT -> select(e);
			case CALL -> Operators.call(this, e);
			case LIST -> list(e);
			case COMPREHENSION -> comprehension(e);
			default -> throw new Unsupported(e.getKind().name());
		};
	}

	/** The checked type of a node. */
	CelType type(CelExpr e) throws Unsupported {
		return ast.getType(e.id()).orElseThrow(() -> new Unsupported("unchecked"));
	}

	/** The one overload the checker chose for a call; several (a dyn operand) are not translated. */
	String overload(CelExpr e) throws Unsupported {
		var ids = ast.getReference(e.id()).map(r -> r.overloadIds()).orElse(null);
		if (ids == null || ids.size() != 1) {
			throw new Unsupported(e.call().function());
		}
		return ids.get(0);
	}

	private static Node constant(CelConstant constant) throws Unsupported {
		Object value = switch (constant.getKind()) {
			case BOOLEAN_VALUE -> constant.booleanValue();
			case INT64_VALUE -> constant.int64Value();
			case DOUBLE_VALUE -> constant.doubleValue();
			case STRING_VALUE -> constant.stringValue();
			default -> throw new Unsupported(constant.getKind().name());
		};
		return new Fused.Constant(value);
	}

	private Node ident(String name) throws Unsupported {
		int slot = scope.lastIndexOf(name);
		if (slot >= 0) {
			return (facts, locals) -> locals[slot];
		}
		return switch (name) {
			case "event" -> (facts, locals) -> facts.event();
			case "order" -> (facts, locals) -> {
				Struct order = facts.order();
				return order == null ? undecided() : order;
			};
			case "member" -> (facts, locals) -> facts.memberStruct();
			case "store" -> (facts, locals) -> facts.store();
			case "now" -> (facts, locals) -> facts.now();
			default -> throw new Unsupported(name);
		};
	}

	private Node select(CelExpr e) throws Unsupported {
		var select = e.select();
		if (select.testOnly()) {
			throw new Unsupported("has");
		}
		CelType of = type(select.operand());
		Node operand = node(select.operand());
		String field = select.field();
		if (of.kind() == CelKind.STRUCT) {
			var shape = ConditionLanguage.shape(of.name()).orElseThrow(() -> new Unsupported(of.name()));
			Integer position = shape.positions().get(field);
			if (position == null) {
				throw new Unsupported(of.name() + "." + field);
			}
			int slot = select.operand().getKind() == CelExpr.ExprKind.Kind.IDENT
					? scope.lastIndexOf(select.operand().ident().name()) : -1;
			if (slot >= 0) {
				// A line's field inside a loop, the innermost and most frequent node: one call, not two.
				return new Fused.LocalField(slot, position);
			}
			return (facts, locals) -> ((Struct) operand.eval(facts, locals)).field(position);
		}
		if (of.kind() == CelKind.MAP) {
			return (facts, locals) -> {
				Object value = ((Map<?, ?>) operand.eval(facts, locals)).get(field);
				return value == null ? undecided() : value;
			};
		}
		throw new Unsupported("select on " + of.name());
	}

	private Node list(CelExpr e) throws Unsupported {
		if (!e.list().optionalIndices().isEmpty()) {
			throw new Unsupported("optional elements");
		}
		List<Node> elements = new ArrayList<>();
		for (CelExpr element : e.list().elements()) {
			elements.add(node(element));
		}
		return (facts, locals) -> {
			List<Object> values = new ArrayList<>(elements.size());
			for (Node element : elements) {
				values.add(element.eval(facts, locals));
			}
			return values;
		};
	}

	/**
	 * The loop every macro expands to (exists, all, exists_one, map, filter): for each element, stop if the
	 * loop condition is false, else step the accumulator; then the result.
	 */
	private Node comprehension(CelExpr e) throws Unsupported {
		var c = e.comprehension();
		if (!c.iterVar2().isEmpty()) {
			throw new Unsupported("two iteration variables");
		}
		Node range = node(c.iterRange());
		Node init = node(c.accuInit());
		int item = scope.size();
		int accu = item + 1;
		scope.add(c.iterVar());
		scope.add(c.accuVar());
		locals = Math.max(locals, scope.size());
		Boolean any = quantifier(c);
		Node predicate = any == null ? null : node(c.loopStep().call().args().get(1));
		Node condition = node(c.loopCondition());
		Node step = node(c.loopStep());
		Node result = node(c.result());
		scope.remove(accu);
		scope.remove(item);
		if (predicate != null) {
			return quantified(range, item, predicate, any);
		}
		return (facts, locals) -> {
			if (!(range.eval(facts, locals) instanceof List<?> items) || items.size() > MAX_ITERATIONS) {
				return undecided();
			}
			locals[accu] = init.eval(facts, locals);
			for (Object each : items) {
				locals[item] = each;
				if (!(condition.eval(facts, locals) instanceof Boolean go)) {
					return undecided();
				}
				if (!go) {
					break;
				}
				locals[accu] = step.eval(facts, locals);
			}
			return result.eval(facts, locals);
		};
	}

	/**
	 * True for the loop of {@code exists}, false for that of {@code all}, null for any other. Those two
	 * stop at the first element that decides, without stepping an accumulator: the usual loop over lines.
	 */
	private static Boolean quantifier(CelExpr.CelComprehension c) {
		String accu = c.accuVar();
		CelExpr init = c.accuInit();
		if (init.getKind() != CelExpr.ExprKind.Kind.CONSTANT
				|| init.constant().getKind() != CelConstant.Kind.BOOLEAN_VALUE || !isIdent(c.result(), accu)) {
			return null;
		}
		boolean any = !init.constant().booleanValue();
		CelExpr step = c.loopStep();
		CelExpr condition = c.loopCondition();
		if (!isCall(step, any ? "_||_" : "_&&_", 2) || !isIdent(step.call().args().get(0), accu)
				|| !isCall(condition, "@not_strictly_false", 1)) {
			return null;
		}
		CelExpr going = condition.call().args().get(0);
		boolean matches = any ? isCall(going, "!_", 1) && isIdent(going.call().args().get(0), accu)
				: isIdent(going, accu);
		return matches ? any : null;
	}

	private static boolean isCall(CelExpr e, String function, int args) {
		return e.getKind() == CelExpr.ExprKind.Kind.CALL && e.call().function().equals(function)
				&& e.call().target().isEmpty() && e.call().args().size() == args;
	}

	private static boolean isIdent(CelExpr e, String name) {
		return e.getKind() == CelExpr.ExprKind.Kind.IDENT && e.ident().name().equals(name);
	}

	/** exists (any) or all: the first element whose predicate is {@code any} decides. */
	private static Node quantified(Node range, int item, Node predicate, boolean any) {
		return (facts, locals) -> {
			if (!(range.eval(facts, locals) instanceof List<?> items) || items.size() > MAX_ITERATIONS) {
				return undecided();
			}
			for (Object each : items) {
				locals[item] = each;
				if (Operators.bool(predicate.eval(facts, locals)) == any) {
					return any;
				}
			}
			return !any;
		};
	}
}
