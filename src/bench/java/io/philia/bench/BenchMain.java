package io.philia.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./philia bench list} and {@code ./philia bench <name> [--quick]}: runs one bench, prints its
 * {@code RESULT} line (the medians) last, and rewrites its section of BENCHMARKS.md (not for a quick
 * run). PHILIA_BENCH_NOTE, when set, is written beside the machine (say "shared with two builds", say).
 */
public final class BenchMain {

	private BenchMain() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length == 0 || args[0].equals("list")) {
			Benches.all().forEach(b -> System.out.printf("  %-12s %s%n", b.name(), b.title()));
			return;
		}
		String name = args[0];
		boolean quick = List.of(args).contains("--quick");
		Bench bench = Benches.named(name).orElseThrow(() -> new IllegalArgumentException(
				"no bench '" + name + "'; ./philia bench list shows them"));
		Path work = Path.of("target", "bench", name);
		Files.createDirectories(work);
		var run = new BenchRun(quick, work);
		Machine machine = Machine.describe();
		run.log("bench " + name + (quick ? " (quick)" : "") + " on " + machine.line());
		bench.run(run);
		String result = "RESULT " + run.samples()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + Samples.format(Samples.median(e.getValue())))
			.collect(Collectors.joining(" "));
		if (!quick) {
			new BenchmarksFile(Path.of("BENCHMARKS.md")).replaceSection(name, section(bench, run, machine, result));
			run.log("BENCHMARKS.md: section " + name + " rewritten");
		}
		else {
			run.log("quick run: BENCHMARKS.md left as it is");
		}
		System.out.println(result);
		// Benches start HTTP clients and JMH threads; nothing of theirs must keep the JVM alive.
		System.exit(0);
	}

	static String section(Bench bench, BenchRun run, Machine machine, String result) {
		var text = new StringBuilder();
		text.append("## ").append(bench.name()).append(": ").append(bench.title()).append("\n\n");
		text.append(bench.method().strip()).append("\n\n");
		text.append("- Command: `./philia bench ").append(bench.name()).append("`\n");
		String note = System.getenv("PHILIA_BENCH_NOTE");
		text.append("- Machine: ").append(machine.line())
			.append(note == null || note.isBlank() ? "" : "; " + note.strip())
			.append("\n");
		text.append("- Date: ")
			.append(ZonedDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
			.append("\n");
		int runs = run.samples().values().stream().mapToInt(List::size).max().orElse(0);
		text.append("- Runs: ").append(runs).append(" (median, and the spread from the lowest to the highest run)\n\n");
		text.append("| figure | median | min | max | runs |\n|---|---:|---:|---:|---|\n");
		for (Map.Entry<String, List<Double>> e : run.samples().entrySet()) {
			List<Double> v = e.getValue();
			text.append("| ").append(e.getKey()).append(" | ").append(Samples.format(Samples.median(v))).append(" | ")
				.append(Samples.format(Samples.min(v))).append(" | ").append(Samples.format(Samples.max(v)))
				.append(" | ").append(v.stream().map(Samples::format).collect(Collectors.joining(", ")))
				.append(" |\n");
		}
		if (!run.notes().isEmpty()) {
			text.append("\n");
			run.notes().forEach(n -> text.append("- ").append(n).append("\n"));
		}
		text.append("\n```\n").append(result).append("\n```\n");
		return text.toString();
	}
}
