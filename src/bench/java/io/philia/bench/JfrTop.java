package io.philia.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time went, from a JFR recording's execution samples: the hottest methods by their own
 * time, and the application's methods by the time spent in them and below. {@code PHILIA_BENCH_JFR=1}
 * makes {@link BenchApp} record; {@code java ... io.philia.bench.JfrTop file.jfr} prints the same table.
 */
public final class JfrTop {

	private JfrTop() {
	}

	/** {@code file.jfr}: the tables; {@code file.jfr method}: the commonest stacks through that method. */
	public static void main(String[] args) throws IOException {
		if (args.length > 2 && args[1].equals("callees")) {
			System.out.println(callees(Path.of(args[0]), args[2], 30));
			return;
		}
		System.out.println(args.length > 1 ? stacksThrough(Path.of(args[0]), args[1], 5) : top(Path.of(args[0]), 25));
	}

	/** {@code file.jfr callees method}: the time under a method, split by the methods it called. */
	static String callees(Path recording, String method, int rows) throws IOException {
		Map<String, Integer> callees = new HashMap<>();
		int under = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<String> names = event.getStackTrace().getFrames().stream().map(JfrTop::name).toList();
			for (int i = names.size() - 1; i >= 0; i--) {
				if (names.get(i).equals(method)) {
					under++;
					callees.merge(i == 0 ? "(self)" : names.get(i - 1), 1, Integer::sum);
					break;
				}
			}
		}
		return under + " samples under " + method + "\n" + table(callees, Math.max(under, 1), rows);
	}

	static String stacksThrough(Path recording, String method, int rows) throws IOException {
		Map<String, Integer> stacks = new HashMap<>();
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<String> names = event.getStackTrace().getFrames().stream().map(JfrTop::name).toList();
			if (names.stream().anyMatch(n -> n.contains(method))) {
				stacks.merge(String.join("\n    ", names.subList(0, Math.min(names.size(), 40))), 1, Integer::sum);
			}
		}
		return table(stacks, 1, rows).replace("%", " samples");
	}

	static String top(Path recording, int rows) throws IOException {
		Map<String, Integer> self = new HashMap<>();
		Map<String, Integer> within = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (frames.isEmpty()) {
				continue;
			}
			samples++;
			self.merge(name(frames.get(0)), 1, Integer::sum);
			Set<String> seen = new HashSet<>();
			for (RecordedFrame frame : frames) {
				String name = name(frame);
				if (name.startsWith("io.philia.") && seen.add(name)) {
					within.merge(name, 1, Integer::sum);
				}
			}
		}
		int total = Math.max(samples, 1);
		return "%d execution samples%n%nself time:%n%s%nwithin (io.philia methods and what they call):%n%s".formatted(
				samples, table(self, total, rows), table(within, total, rows));
	}

	private static String table(Map<String, Integer> counts, int total, int rows) {
		return counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
			.limit(rows)
			.map(e -> "  %5.1f%%  %s".formatted(100.0 * e.getValue() / total, e.getKey()))
			.collect(Collectors.joining("\n"));
	}

	private static String name(RecordedFrame frame) {
		return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
	}
}
