package io.philia.member;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;


/**
 * Marks a member account as merged into another, so that events naming the absorbed account's identity
 * reach the survivor, and tells the other modules in the same transaction ({@link MembersMerged}). The
 * ledger's account merge calls it once it has moved the points; it checks both accounts first.
 */
@Service
public class MemberMerges {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Members members;

	MemberMerges(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, Members members) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.members = members;
	}

	@Transactional
	public void merge(String programId, String survivorId, String absorbedId) {
		members.writeOutEnrolled();
		int changed = jdbc.sql("""
				update member set merged_into = ?, merged_at = ?, updated_at = ?
				where program_id = ? and id = ? and merged_into is null""")
			.params(survivorId, clock.instant().atOffset(ZoneOffset.UTC), clock.instant().atOffset(ZoneOffset.UTC),
					programId, absorbedId)
			.update();
		if (changed != 1) {
			throw new IllegalStateException("member " + absorbedId + " is unknown or merged already");
		}
		// Members read ahead in this transaction may be the absorbed one, now merged.
		AheadOfBatch ahead = members.ahead();
		if (ahead != null) {
			ahead.forgetAll();
		}
		events.publishEvent(new MembersMerged(programId, survivorId, absorbedId));
	}
}
