package io.philia.ledger.internal;

import java.time.Instant;
import java.time.LocalDate;

import io.philia.ledger.Lot;

/** A lot as the ledger changes it, under its member's lock; written back when the work is flushed. */
final class LotRow {

	final String programId;

	final String id;

	String memberId;

	final String entryId;

	final long points;

	long remaining;

	boolean pending;

	final Instant earnedAt;

	Instant availableAt;

	final Instant expiresAt;

	final LocalDate expiresOn;

	final boolean onInactivity;

	long expired;

	String expiryEntryId;

	boolean fresh;

	boolean dirty;

	LotRow(String programId, String id, String memberId, String entryId, long points, long remaining, boolean pending,
			Instant earnedAt, Instant availableAt, Instant expiresAt, LocalDate expiresOn, boolean onInactivity,
			long expired, String expiryEntryId) {
		this.programId = programId;
		this.id = id;
		this.memberId = memberId;
		this.entryId = entryId;
		this.points = points;
		this.remaining = remaining;
		this.pending = pending;
		this.earnedAt = earnedAt;
		this.availableAt = availableAt;
		this.expiresAt = expiresAt;
		this.expiresOn = expiresOn;
		this.onInactivity = onInactivity;
		this.expired = expired;
		this.expiryEntryId = expiryEntryId;
	}

	boolean isOpen() {
		return remaining > 0;
	}

	/** When this lot's available points expire for this member; null: never, as things stand. */
	Instant expiry(MemberAccount account) {
		return onInactivity ? account.inactivityDeadline : expiresAt;
	}

	/** When something happens to this lot by itself: its release, or its expiry. */
	Instant dueAt(MemberAccount account) {
		if (!isOpen()) {
			return null;
		}
		return pending ? availableAt : expiry(account);
	}

	boolean releasableAt(Instant now) {
		return isOpen() && pending && availableAt != null && !availableAt.isAfter(now);
	}

	boolean expiredAt(MemberAccount account, Instant now) {
		Instant expiry = expiry(account);
		return isOpen() && !pending && expiry != null && !expiry.isAfter(now);
	}

	Lot view() {
		return new Lot(id, entryId, points, remaining, pending, earnedAt, availableAt, expiresOn, onInactivity, expired);
	}
}
