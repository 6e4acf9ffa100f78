package io.philia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * BENCHMARKS.md, rewritten one section at a time: the text between {@code <!-- bench:<name> -->} and
 * {@code <!-- /bench:<name> -->} is replaced, everything else is kept as it is. A section not there yet
 * is added at the end.
 */
public final class BenchmarksFile {

	private final Path file;

	public BenchmarksFile(Path file) {
		this.file = file;
	}

	public void replaceSection(String name, String body) throws IOException {
		String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n";
		Files.writeString(file, replace(text, name, body), StandardCharsets.UTF_8);
	}

	static String replace(String text, String name, String body) {
		String open = "<!-- bench:" + name + " -->";
		String close = "<!-- /bench:" + name + " -->";
		String section = open + "\n" + body.strip() + "\n" + close;
		int start = text.indexOf(open);
		int end = text.indexOf(close);
		if (start >= 0 && end > start) {
			return text.substring(0, start) + section + text.substring(end + close.length());
		}
		return text.stripTrailing() + "\n\n" + section + "\n";
	}
}
