package io.philia.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.philia.platform.GroupCommit;
import io.philia.platform.PhiliaException;
import io.philia.platform.Transactions;
import io.philia.support.HttpTest;

/**
 * The members of a micro-batch read at its start, then identified one event after the other in its
 * transaction: each look-up must give what reading the table then would, seeing the batch's own
 * enrolments and joins, and tell a conflict that one of them created.
 */
abstract class MembersAheadContract extends HttpTest {

	@Autowired
	Members members;

	@Autowired
	MembersAhead ahead;

	@Autowired
	Transactions transactions;

	@Autowired
	GroupCommit groupCommit;

	@Autowired
	JdbcClient jdbc;

	private String programId;

	@Test
	void lookUpsAfterTheBatchsOwnEnrolmentsAndJoinsSeeThem() {
		programId = newShop().programId();
		String anne = members.identify(programId, identity(null, "anne@example.com")).member().id();
		String ben = members.identify(programId, identity("B", null)).member().id();

		var identified = transactions.inTransaction(() -> {
			readAhead(identity("A", "Anne@example.com"), identity("B", null), identity("N1", "n1@example.com"),
					identity(null, "n2@example.com"), identity("N2", "n2@example.com"));
			return List.of(members.identify(programId, identity("A", "Anne@example.com")),
					members.identify(programId, identity("B", null)),
					members.identify(programId, identity("N1", "n1@example.com")),
					members.identify(programId, identity("N1", "n1@example.com")),
					members.identify(programId, identity(null, "n2@example.com")),
					members.identify(programId, identity("N2", "n2@example.com")));
		});

		assertThat(identified).extracting(i -> i.member().id()).startsWith(anne, ben);
		assertThat(identified.get(0).member().externalId()).as("joined").isEqualTo("A");
		assertThat(identified).extracting(Identified::enrolled).containsExactly(false, false, true, false, true, false);
		assertThat(identified.get(3).member().id()).as("enrolled once").isEqualTo(identified.get(2).member().id());
		assertThat(identified.get(5).member().id()).as("the e-mail's new member, joined")
			.isEqualTo(identified.get(4).member().id());
		assertThat(identified.get(5).member().externalId()).isEqualTo("N2");
	}

	@Test
	void anEmailJoinedByAnEarlierEventOfTheBatchIsAConflictForAnotherExternalId() {
		programId = newShop().programId();
		members.identify(programId, identity(null, "anne@example.com"));

		assertThatThrownBy(() -> transactions.inTransaction(() -> {
			readAhead(identity("A", "anne@example.com"), identity("Y", "anne@example.com"));
			assertThat(members.identify(programId, identity("A", "anne@example.com")).member().externalId())
				.isEqualTo("A");
			return members.identify(programId, identity("Y", "anne@example.com"));
		})).isInstanceOf(PhiliaException.class).hasMessageContaining("another externalId");
	}

	@Test
	void aCustomerEnrolledElsewhereWhileTheBatchRunsIsTheOneItsEventNames() {
		programId = newShop().programId();
		MemberIdentity identity = identity("R", "r@example.com");
		var raced = new AtomicBoolean();

		Identified identified = GroupCommit.await(groupCommit.submit("r", null,
				List.of(new NamedMember(programId, identity)), () -> {
					if (raced.compareAndSet(false, true)) {
						// Another node enrols the same customer and commits after this batch read its members.
						CompletableFuture.runAsync(() -> members.identify(programId, identity)).join();
					}
					return members.identify(programId, identity);
				}));

		List<String> rows = jdbc.sql("select id from member where program_id = ? and external_id = 'R'")
			.params(programId)
			.query(String.class)
			.list();
		assertThat(rows).hasSize(1);
		assertThat(identified.member().id()).isEqualTo(rows.getFirst());
		assertThat(identified.enrolled()).isFalse();
	}

	private void readAhead(MemberIdentity... identities) {
		ahead.readAhead(List.of(identities).stream().<Object>map(i -> new NamedMember(programId, i)).toList());
	}

	private static MemberIdentity identity(String externalId, String email) {
		return new MemberIdentity(externalId, email, null, null, null);
	}
}
