package io.philia.ledger;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A quantity of points credited together (an earning, a restore, a transfer received), and what is left
 * of it. {@code pending} lots become available at {@code availableAt} (absent while the order waits for
 * fulfilment); {@code expiresOn} is the last day its points can be used, or absent when they expire only
 * after months without activity ({@code onInactivity}) or never.
 */
public record Lot(String id, String entryId, long points, long remaining, boolean pending, Instant earnedAt,
		Instant availableAt, LocalDate expiresOn, boolean onInactivity, long expired) {
}
