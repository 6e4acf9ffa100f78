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

	private final Supplier<List<Long>> pids;

	private long start;

	private CpuMeter(Supplier<List<Long>> pids) {
		this.pids = pids;
	}

	CpuMeter(long pid) {
		this(() -> List.of(pid));
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
					.map(p -> Long.parseLong(p.getFileName().toString()))
					.toList();
			}
			catch (IOException e) {
				throw new IllegalStateException("cannot list /proc", e);
			}
		});
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
		for (long pid : pids.get()) {
			ticks += ticks(pid);
		}
		return ticks;
	}

	private static long ticks(long pid) throws IOException {
		String stat;
		try {
			stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		}
		catch (java.nio.file.NoSuchFileException gone) {
			return 0;
		}
		// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
