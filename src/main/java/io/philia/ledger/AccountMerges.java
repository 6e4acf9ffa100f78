package io.philia.ledger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.ledger.internal.Moves;
import io.philia.member.Member;
import io.philia.member.MemberMerges;
import io.philia.member.Members;
import io.philia.platform.PhiliaException;
import io.philia.program.Programmes;

/**
 * Merges two member accounts of the same person: every lot (with its expiry), every pending point, any
 * debt and the whole history go to the survivor; events naming the absorbed account's identity reach
 * the survivor from then on, and so do refunds of its orders.
 */
@Service
public class AccountMerges {

	private final Members members;

	private final MemberMerges memberMerges;

	private final Moves moves;

	private final Programmes programmes;

	AccountMerges(Members members, MemberMerges memberMerges, Moves moves, Programmes programmes) {
		this.members = members;
		this.memberMerges = memberMerges;
		this.moves = moves;
		this.programmes = programmes;
	}

	@Transactional
	public Merge merge(String programId, String survivorId, String absorbedId, String reason, String actor) {
		if (survivorId.equals(absorbedId)) {
			throw new PhiliaException(LedgerProblems.SAME_MEMBER, "A member cannot be merged into themselves");
		}
		Member survivor = members.get(programId, survivorId);
		Member absorbed = members.get(programId, absorbedId);
		for (Member m : new Member[] { survivor, absorbed }) {
			if (m.mergedInto() != null) {
				throw new PhiliaException(LedgerProblems.MEMBER_MERGED,
						"Member " + m.id() + " was merged into " + m.mergedInto() + "; merge that one instead");
			}
		}
		Merge merge = moves.merge(programId, survivorId, absorbedId, programmes.terms(programId).debt().allowedDebt(),
				reason, actor);
		memberMerges.merge(programId, survivorId, absorbedId);
		return merge;
	}
}
