package io.philia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a process used (user and system, from /proc on Linux). On a machine shared with other work,
 * the server's CPU time per event is steadier than its rate: it says what an event costs, whoever else
 * was running.
 */
final class CpuMeter {

	private static final double TICKS_PER_SECOND = 100;

	private final long pid;

	private long start;

	CpuMeter(long pid) {
		this.pid = pid;
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
		String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
		// Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}
}
