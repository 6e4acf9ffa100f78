package io.philia.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** The registry of benches by name: every {@link Bench} under {@code io.philia}, found on the class path. */
final class Benches {

	private Benches() {
	}

	static List<Bench> all() {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AssignableTypeFilter(Bench.class));
		return scanner.findCandidateComponents("io.philia")
			.stream()
			.map(definition -> ClassUtils.resolveClassName(definition.getBeanClassName(), Benches.class.getClassLoader()))
			.map(type -> (Bench) BeanUtils.instantiateClass(type))
			.sorted(Comparator.comparing(Bench::name))
			.toList();
	}

	static Optional<Bench> named(String name) {
		return all().stream().filter(bench -> bench.name().equals(name)).findFirst();
	}
}
