package io.philia.rule.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;

import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The CEL that rules are written in: which variables exist, with which fields and types. Expressions are
 * type-checked against these declarations when a rule is saved, so an unknown field or a wrong type is
 * refused then, with its position, and never found while an event is being processed. At run time the
 * variables are plain maps ({@link Facts}); the checker has already proved every field access valid.
 */
public final class ConditionLanguage {

	/** One fault of an expression, with its 1-based line and column. */
	public record Fault(String message, int line, int column) {
	}

	/**
	 * A compiled expression, ready to evaluate; thread-safe. It runs as Java closures where it can
	 * ({@link Translation}) and on CEL's interpreter where they cannot decide or do not exist.
	 *
	 * @param whenFalse what a rule with this condition decides when it is false, made once here rather
	 * than for every event that skips the rule
	 */
	public record Compiled(String expression, CelRuntime.Program program, Optional<Translation.Translated> translated,
			Decision.Skipped whenFalse) {

		public Compiled(String expression, CelRuntime.Program program, Optional<Translation.Translated> translated) {
			this(expression, program, translated, new Decision.Skipped("condition is false: " + expression));
		}

		/** The expression's value for an event's facts, the same as {@link #interpret}'s. */
		public Object eval(Facts facts) throws CelEvaluationException {
			Object value = facts.remembered(expression);
			if (value == null) {
				value = translated.isEmpty() ? interpret(facts) : decide(facts);
				facts.remember(expression, value);
			}
			return value;
		}

		/** The value as CEL's interpreter gives it. */
		public Object interpret(Facts facts) throws CelEvaluationException {
			return program.eval(facts.variables());
		}

		private Object decide(Facts facts) throws CelEvaluationException {
			try {
				return translated.get().eval(facts);
			}
			catch (RuntimeException undecided) {
				return interpret(facts);
			}
		}
	}

	public static final class Invalid extends Exception {

		private final List<Fault> faults;

		Invalid(List<Fault> faults) {
			super(faults.isEmpty() ? "invalid" : faults.get(0).message());
			this.faults = List.copyOf(faults);
		}

		public List<Fault> faults() {
			return faults;
		}
	}

	private static final Declared LINE = declare("philia.Line", "sku", SimpleType.STRING, "category",
			SimpleType.STRING, "brand", SimpleType.STRING, "quantity", SimpleType.INT, "unitPrice", SimpleType.DOUBLE,
			"amount", SimpleType.DOUBLE);

	private static final Declared ORDER = declare("philia.Order", "id", SimpleType.STRING, "currency",
			SimpleType.STRING, "total", SimpleType.DOUBLE, "lineCount", SimpleType.INT, "itemCount", SimpleType.INT,
			"lines", ListType.create(LINE.type()));

	private static final MapType JSON_OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);

	private static final Declared EVENT = declare("philia.Event", "type", SimpleType.STRING, "data", JSON_OBJECT);

	private static final Declared MEMBER = declare("philia.Member", "id", SimpleType.STRING, "externalId",
			SimpleType.STRING, "email", SimpleType.STRING, "firstName", SimpleType.STRING, "lastName",
			SimpleType.STRING, "locale", SimpleType.STRING, "tier", SimpleType.STRING, "attributes", JSON_OBJECT,
			"birthMonth", SimpleType.INT, "birthDay", SimpleType.INT, "birthdayMonth", SimpleType.BOOL, "age",
			SimpleType.INT, "enrolledDays", SimpleType.INT, "orderCount", SimpleType.INT, "totalSpent",
			SimpleType.DOUBLE, "daysSinceLastOrder", SimpleType.INT, "ordersThisMonth", SimpleType.INT, "streakMonths",
			SimpleType.INT);

	private static final Declared STORE = declare("philia.Store", "id", SimpleType.STRING, "code", SimpleType.STRING,
			"name", SimpleType.STRING, "currency", SimpleType.STRING);

	private static final Declared NOW = declare("philia.Now", "date", SimpleType.STRING, "year", SimpleType.INT,
			"month", SimpleType.INT, "day", SimpleType.INT, "dayOfWeek", SimpleType.INT, "hour", SimpleType.INT,
			"minute", SimpleType.INT);

	/** The fields of the variables' values, in the order {@link Facts} gives them. */
	static final Struct.Shape LINE_FIELDS = LINE.shape(), ORDER_FIELDS = ORDER.shape(), EVENT_FIELDS = EVENT.shape(),
			MEMBER_FIELDS = MEMBER.shape(), STORE_FIELDS = STORE.shape(), NOW_FIELDS = NOW.shape();

	private static final List<Declared> DECLARED = List.of(LINE, ORDER, EVENT, MEMBER, STORE, NOW);

	private static final List<StructType> TYPES = DECLARED.stream().map(Declared::type).toList();

	// Loops over order lines are bounded: an expression cannot keep a thread busy.
	private static final CelOptions OPTIONS = CelOptions.current()
		.enableHeterogeneousNumericComparisons(true)
		.comprehensionMaxIterations(10_000)
		.build();

	private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

	private static final CelCompiler ORDER_CONDITIONS = compiler(true, SimpleType.BOOL);

	private static final CelCompiler OTHER_CONDITIONS = compiler(false, SimpleType.BOOL);

	private static final CelCompiler ORDER_POINTS = compiler(true, SimpleType.INT);

	private static final CelCompiler OTHER_POINTS = compiler(false, SimpleType.INT);

	private ConditionLanguage() {
	}

	/** A condition (true or false) for rules of this trigger; {@code order} exists for order.paid only. */
	public static Compiled condition(String expression, String trigger) throws Invalid {
		return compile(isOrder(trigger) ? ORDER_CONDITIONS : OTHER_CONDITIONS, expression);
	}

	/** An expression computing a whole number of points. */
	public static Compiled points(String expression, String trigger) throws Invalid {
		return compile(isOrder(trigger) ? ORDER_POINTS : OTHER_POINTS, expression);
	}

	static boolean isOrder(String trigger) {
		return "order.paid".equals(trigger);
	}

	private static Compiled compile(CelCompiler compiler, String expression) throws Invalid {
		try {
			var ast = compiler.compile(expression).getAst();
			return new Compiled(expression.intern(), RUNTIME.createProgram(ast), Translation.of(ast));
		}
		catch (CelValidationException e) {
			throw new Invalid(e.getErrors().stream().map(ConditionLanguage::fault).toList());
		}
		catch (CelEvaluationException e) {
			throw new Invalid(List.of(new Fault(e.getMessage(), 1, 1)));
		}
	}

	private static Fault fault(CelIssue issue) {
		var at = issue.getSourceLocation();
		// CEL counts columns from 0; people (and editors) from 1.
		return new Fault(issue.getMessage(), Math.max(at.getLine(), 1), Math.max(at.getColumn(), 0) + 1);
	}

	private static CelCompiler compiler(boolean withOrder, CelType result) {
		var builder = CelCompilerFactory.standardCelCompilerBuilder()
			.setOptions(OPTIONS)
			.setStandardMacros(CelStandardMacro.STANDARD_MACROS)
			.setTypeProvider(new Types())
			.addVar("event", EVENT.type())
			.addVar("member", MEMBER.type())
			.addVar("store", STORE.type())
			.addVar("now", NOW.type())
			.setResultType(result);
		if (withOrder) {
			builder.addVar("order", ORDER.type());
		}
		return builder.build();
	}

	/** A struct as the checker sees it, and its field positions for the values. */
	private record Declared(StructType type, Struct.Shape shape) {
	}

	private static Declared declare(String name, Object... pairs) {
		Map<String, CelType> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put((String) pairs[i], (CelType) pairs[i + 1]);
		}
		var type = StructType.create(name, ImmutableSet.copyOf(fields.keySet()),
				field -> Optional.ofNullable(fields.get(field)));
		return new Declared(type, Struct.Shape.of(name, List.copyOf(fields.keySet())));
	}

	/** The positions of a struct type's fields, for a compiled field selection. */
	static Optional<Struct.Shape> shape(String structName) {
		return DECLARED.stream().filter(d -> d.type().name().equals(structName)).map(Declared::shape).findFirst();
	}

	private static final class Types implements CelTypeProvider {

		@Override
		public ImmutableCollection<CelType> types() {
			return ImmutableList.copyOf(TYPES);
		}

		@Override
		public Optional<CelType> findType(String name) {
			return TYPES.stream().filter(t -> t.name().equals(name)).map(CelType.class::cast).findFirst();
		}
	}
}
