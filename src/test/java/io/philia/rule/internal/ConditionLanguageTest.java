package io.philia.rule.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConditionLanguageTest {

	@Test
	void aConditionOverEveryVariableOfAnOrderCompiles() throws Exception {
		ConditionLanguage.condition("""
				order.total >= 150 && order.lines.exists(l, l.category == 'wine' && l.quantity >= 2)
				  && member.orderCount > 0 && member.attributes.size() >= 0 && store.currency == 'EUR'
				  && now.dayOfWeek in [6, 7] && event.type == 'order.paid'""", "order.paid");
	}

	@Test
	void anUnknownFieldIsReportedAtItsLineAndColumn() {
		assertThatThrownBy(() -> ConditionLanguage.condition("member.orderCount > 0 &&\n  order.lines.size() > member.ordres",
				"order.paid"))
			.isInstanceOfSatisfying(ConditionLanguage.Invalid.class, e -> {
				assertThat(e.faults()).singleElement().satisfies(f -> {
					assertThat(f.message()).contains("ordres");
					assertThat(f.line()).isEqualTo(2);
					assertThat(f.column()).as("the dot before the field").isEqualTo(30);
				});
			});
	}

	@Test
	void theOrderDoesNotExistForRulesOfOtherEvents() {
		assertThatThrownBy(() -> ConditionLanguage.condition("order.total > 1", "custom.review_written"))
			.isInstanceOf(ConditionLanguage.Invalid.class);
	}

	@Test
	void aConditionMustBeTrueOrFalseAndPointsMustBeAnInt() {
		assertThatThrownBy(() -> ConditionLanguage.condition("member.orderCount", "order.paid"))
			.isInstanceOf(ConditionLanguage.Invalid.class);
		assertThatThrownBy(() -> ConditionLanguage.points("order.total * 2.0", "order.paid"))
			.isInstanceOf(ConditionLanguage.Invalid.class);
	}
}
