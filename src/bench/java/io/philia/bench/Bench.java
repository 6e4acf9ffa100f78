package io.philia.bench;

/**
 * A benchmark that {@code ./philia bench <name>} runs. Add one by writing a class in this package (or
 * below it) that implements this interface and has a public no-argument constructor: the registry finds
 * it by scanning, no list to edit. It records each run's figures with {@link BenchRun#sample}; the
 * harness then prints {@code RESULT key=median ...} and rewrites the bench's section of BENCHMARKS.md.
 */
public interface Bench {

	/** The name on the command line and in BENCHMARKS.md's markers: lower case, digits and dashes. */
	String name();

	/** The section's heading: what is measured, in a few words. */
	String title();

	/** How it is measured, for the reader of BENCHMARKS.md (Markdown, a few sentences). */
	String method();

	/** Runs the bench {@link BenchRun#runs()} times (or as it sees fit) and records the figures. */
	void run(BenchRun run) throws Exception;
}
