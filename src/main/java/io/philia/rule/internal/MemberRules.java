package io.philia.rule.internal;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.philia.ledger.Cause;
import io.philia.member.Member;
import io.philia.member.MemberChanged;
import io.philia.member.MemberEnrolled;
import io.philia.member.Members;
import io.philia.rule.EarningContext;
import io.philia.rule.RuleEvaluation;

/**
 * Runs the member.enrolled and member.changed rules (sign-up bonus, profile completion) when the member
 * module says so. Synchronously, inside the transaction that enrolled or changed the member: the bonus
 * commits or rolls back with it, so nothing is lost or doubled without a persistent event registry.
 * Repeats are harmless: once-only rules remember what they gave.
 */
@Component
class MemberRules {

	private final RuleEvaluation evaluation;

	private final Members members;

	private final Clock clock;

	MemberRules(RuleEvaluation evaluation, Members members, Clock clock) {
		this.evaluation = evaluation;
		this.members = members;
		this.clock = clock;
	}

	@EventListener
	void enrolled(MemberEnrolled enrolled) {
		earn(enrolled.programId(), enrolled.memberId(), "member.enrolled", "enrolment");
	}

	@EventListener
	void changed(MemberChanged changed) {
		earn(changed.programId(), changed.memberId(), "member.changed", "profile");
	}

	private void earn(String programId, String memberId, String trigger, String cause) {
		if (!evaluation.hasRules(programId, trigger)) {
			// Most programmes have no sign-up or profile rule: no need to read the member back (issue #3).
			return;
		}
		Member member = members.get(programId, memberId);
		evaluation.earn(new EarningContext(programId, null, trigger, null, clock.instant(), null, member, null),
				new Cause(cause, memberId, null));
	}
}
