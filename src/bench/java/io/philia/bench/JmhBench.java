package io.philia.bench;

import java.util.List;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JMH micro-benchmarks of pure code: every {@code @Benchmark} under src/bench/java. */
public final class JmhBench implements Bench {

	@Override
	public String name() {
		return "jmh";
	}

	@Override
	public String title() {
		return "micro-benchmarks of pure code (JMH): rules, earning, event JSON";
	}

	@Override
	public String method() {
		return """
				JMH 1.37, average time per operation in µs, one thread (one core). Each fork is one run: \
				5 warm-up iterations of 1 s, 10 measured iterations of 1 s (on a quiet machine the rules' \
				iterations still swing between ~21 and ~35 µs within one fork, hence 10); the table gives the \
				median of the forks' scores. `RulesBenchmark.twoHundredRulesTwentyLines`: a programme with 200 active rules \
				(category multipliers, spend thresholds, per-unit bonuses, per-brand rates with monthly limits, \
				conditions on past orders, validity windows) against an order of 20 lines: the issue #5 target \
				is under 50 µs; `twoHundredRulesOnTheInterpreter`: the same rules with every expression on CEL's \
				interpreter, as before their translation into Java closures. `storeRateOnly`: the same order \
				with only the store's rate. \
				`EventJsonBenchmark`: an order.paid of the seeded shop data parsed (Jackson 3), parsed and \
				validated, and the store rate's computation.""";
	}

	@Override
	public void run(BenchRun run) throws Exception {
		var options = new OptionsBuilder().include("io\\.philia\\..*Benchmark\\..*")
			.forks(run.runs())
			.warmupIterations(run.quick() ? 2 : 5)
			.warmupTime(TimeValue.seconds(1))
			.measurementIterations(run.quick() ? 2 : 10)
			.measurementTime(TimeValue.seconds(1))
			.threads(1)
			.shouldFailOnError(true)
			.build();
		for (RunResult result : new Runner(options).run()) {
			String label = result.getParams().getBenchmark().replaceFirst("^.*\\.(\\w+\\.\\w+)$", "$1");
			List<BenchmarkResult> forks = List.copyOf(result.getBenchmarkResults());
			for (BenchmarkResult fork : forks) {
				run.sample(label + "_us", fork.getPrimaryResult().getScore());
			}
		}
	}
}
