package io.philia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time some processes used (user and system, from /proc on Linux). On a machine shared with other work,
 * the server's CPU time per event is steadier than its rate: it says what an event costs, whoever else
 * was running.
 */
final class CpuMeter {

	private static final double TICKS_PER_SECOND = 100;

	private static final Path MACHINE = Path.of("/proc/stat");

	/** The /proc stat files to sum: of processes, or of threads. */
	private final Supplier<List<Path>> stats;

	private long start;

	private CpuMeter(Supplier<List<Path>> stats) {
		this.stats = stats;
	}

	CpuMeter(long pid) {
		this(() -> List.of(Path.of("/proc", String.valueOf(pid), "stat")));
	}

	/** This JVM: the load generator's own cost per request. */
	static CpuMeter self() {
		return new CpuMeter(ProcessHandle.current().pid());
	}

	/**
	 * The PostgreSQL backends serving one database (their command line names it). The application's pooled
	 * connections live through a run, so their time is counted whole.
	 */
	static CpuMeter postgres(String database) {
		return new CpuMeter(() -> {
			try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
				return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
					.filter(p -> commandLine(p).startsWith("postgres: ") && commandLine(p).contains(" " + database + " "))
					.map(p -> p.resolve("stat"))
					.toList();
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot list /proc", e);
			}
		});
	}

	/**
	 * The JIT compiler threads of a JVM (C1 and C2; /proc names them "C2 CompilerThre"): how much of a
	 * server's CPU time was still compilation rather than work. A compiler thread that ends between two
	 * readings takes its time with it, so this is a lower bound.
	 */
	static CpuMeter compilerThreads(long pid) {
		return new CpuMeter(() -> {
			try (Stream<Path> threads = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
				return threads.filter(t -> name(t).matches("C[12] CompilerThre.*")).map(t -> t.resolve("stat")).toList();
			}
			catch (IOException gone) {
				return List.of();
			}
		});
	}

	/**
	 * The whole machine: every process's user and system time, interrupts included, steal and idle not
	 * (/proc/stat's first line). Beside a load, what all of its parts cost together, pgbench's as well.
	 */
	static CpuMeter machine() {
		return new CpuMeter(() -> List.of(MACHINE));
	}

	CpuMeter start() throws IOException {
		start = ticks();
		return this;
	}

	/** CPU seconds since {@link #start()}. */
	double seconds() throws IOException {
		return (ticks() - start) / TICKS_PER_SECOND;
	}

	private long ticks() throws IOException {
		long ticks = 0;
		for (Path stat : stats.get()) {
			ticks += ticks(stat);
		}
		return ticks;
	}

	private static long ticks(Path file) throws IOException {
		String stat;
		try {
			stat = Files.readString(file);
		}
		catch (java.nio.file.NoSuchFileException gone) {
			return 0;
		}
		if (file.equals(MACHINE)) {
			// "cpu  user nice system idle iowait irq softirq steal ...", in ticks.
			String[] cpu = stat.substring(0, stat.indexOf('\n')).trim().split(" +");
			return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
					+ Long.parseLong(cpu[7]);
		}
		// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	private static String name(Path thread) {
		try {
			return Files.readString(thread.resolve("comm")).strip();
		}
		catch (IOException gone) {
			return "";
		}
	}

	private static String commandLine(Path process) {
		try {
			return Files.readString(process.resolve("cmdline")).replace('\0', ' ');
		}
		catch (IOException gone) {
			return "";
		}
	}
}
