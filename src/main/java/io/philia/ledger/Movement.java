package io.philia.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One line of a member's points history: a journal entry as the member sees it. {@code points} is the
 * signed change of their available points and {@code pending} that of their pending points (absent when
 * none); {@code shortfall} is what a clawback could not take back because the points were already spent;
 * {@code explanation} says which rules produced an earning. For an earning, {@code availableAt} says when
 * pending points become available (absent while the order waits for fulfilment) and {@code expiresOn}
 * the last day its points can be used.
 */
public record Movement(String id, Instant at, Kind kind, long points, long availableAfter, Cause cause, String reason,
		String actor, Long shortfall, String correctsEntryId, List<Attribution> explanation, Long pending,
		Long pendingAfter, Instant availableAt, LocalDate expiresOn) {

	/** A movement no rule explains and that leaves pending points alone. */
	public Movement(String id, Instant at, Kind kind, long points, long availableAfter, Cause cause, String reason,
			String actor, Long shortfall, String correctsEntryId) {
		this(id, at, kind, points, availableAfter, cause, reason, actor, shortfall, correctsEntryId, null, null, null,
				null, null);
	}

	/** Points earned or taken back by this movement, available and pending together. */
	public long total() {
		return points + (pending == null ? 0 : pending);
	}

	public enum Kind {
		@JsonProperty("earn") EARN, @JsonProperty("clawback") CLAWBACK, @JsonProperty("adjustment") ADJUSTMENT,
		@JsonProperty("spend") SPEND, @JsonProperty("restore") RESTORE,
		/** Pending points whose return window closed. */
		@JsonProperty("release") RELEASE,
		/** Points whose last day passed, posted to the programme's expiry account. */
		@JsonProperty("expiry") EXPIRY,
		@JsonProperty("transfer-out") TRANSFER_OUT, @JsonProperty("transfer-in") TRANSFER_IN,
		/** A member account merged into another: everything it held leaves it... */
		@JsonProperty("merge-out") MERGE_OUT,
		/** ...and arrives in the surviving account, lots and expiry dates kept. */
		@JsonProperty("merge-in") MERGE_IN
	}
}
