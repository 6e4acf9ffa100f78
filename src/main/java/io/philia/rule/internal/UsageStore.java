package io.philia.rule.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What rules have given, for their limits. An earning locks each row it reads until its transaction
 * ends, so that two events of one member cannot both take the last points of a daily limit; a
 * simulation only reads.
 */
@Repository
public class UsageStore {

	private final JdbcClient jdbc;

	UsageStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Evaluator.Usage reading(String programId) {
		return (ruleId, memberId, period) -> jdbc
			.sql("select used from rule_usage where program_id = ? and rule_id = ? and member_id = ? and period = ?")
			.params(programId, ruleId, memberId, period)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	public Evaluator.Usage locking(String programId) {
		return (ruleId, memberId, period) -> {
			jdbc.sql("""
					insert into rule_usage (program_id, rule_id, member_id, period, used) values (?, ?, ?, ?, 0)
					on conflict do nothing""")
				.params(programId, ruleId, memberId, period)
				.update();
			return jdbc.sql("""
					select used from rule_usage where program_id = ? and rule_id = ? and member_id = ? and period = ?
					for update""")
				.params(programId, ruleId, memberId, period)
				.query(Long.class)
				.single();
		};
	}

	public void add(String programId, List<Evaluator.Use> uses) {
		for (var use : uses) {
			jdbc.sql("""
					update rule_usage set used = used + ?
					where program_id = ? and rule_id = ? and member_id = ? and period = ?""")
				.params(use.amount(), programId, use.ruleId(), use.memberId(), use.period())
				.update();
		}
	}
}
