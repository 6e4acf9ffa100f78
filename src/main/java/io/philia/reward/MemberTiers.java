package io.philia.reward;

import java.util.Optional;

/**
 * The tier a member holds, as rewards restricted to tiers need it. Declared here and implemented by the
 * tier module (STYLE: the consumer declares what it needs); until one exists, nobody has a tier, so a
 * reward restricted to tiers is refused to everyone.
 */
public interface MemberTiers {

	/** The code of the member's current tier ("gold"), or empty. */
	Optional<String> tierOf(String programId, String memberId);
}
