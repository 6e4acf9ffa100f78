package io.philia.ledger;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a member's points history: a journal entry as the member sees it. {@code points} is the
 * signed change of their available points; {@code shortfall} is what a clawback could not take back
 * because the points were already spent; {@code explanation} says which rules produced an earning.
 */
public record Movement(String id, Instant at, Kind kind, long points, long availableAfter, Cause cause, String reason,
		String actor, Long shortfall, String correctsEntryId, List<Attribution> explanation) {

	/** A movement no rule explains (adjustments, spends, clawbacks). */
	public Movement(String id, Instant at, Kind kind, long points, long availableAfter, Cause cause, String reason,
			String actor, Long shortfall, String correctsEntryId) {
		this(id, at, kind, points, availableAfter, cause, reason, actor, shortfall, correctsEntryId, null);
	}

	public enum Kind {
		@JsonProperty("earn") EARN, @JsonProperty("clawback") CLAWBACK, @JsonProperty("adjustment") ADJUSTMENT,
		@JsonProperty("spend") SPEND, @JsonProperty("restore") RESTORE
	}
}
