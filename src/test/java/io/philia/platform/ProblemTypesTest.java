package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

/** Every problem type has its own code and slug, in its module's range: clients may rely on them. */
class ProblemTypesTest {

	@Test
	void problemCodesAndSlugsAreUnique() throws Exception {
		List<ProblemType> types = allProblemTypes();

		assertThat(types).hasSizeGreaterThan(20);
		assertThat(types.stream().map(ProblemType::code)).doesNotHaveDuplicates();
		assertThat(types.stream().map(ProblemType::slug)).doesNotHaveDuplicates();
		assertThat(types).allSatisfy(t -> assertThat(t.status()).isBetween(400, 599));
	}

	static List<ProblemType> allProblemTypes() throws Exception {
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new RegexPatternTypeFilter(java.util.regex.Pattern.compile(".*Problems")));
		List<ProblemType> types = new ArrayList<>();
		for (var candidate : scanner.findCandidateComponents("io.philia")) {
			for (Field field : Class.forName(candidate.getBeanClassName()).getDeclaredFields()) {
				if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
					types.add((ProblemType) field.get(null));
				}
			}
		}
		return types;
	}
}
