package io.philia.member;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.philia.platform.AnyOf;
import io.philia.platform.BatchReads;
import io.philia.platform.WriteBehind;

/**
 * Reads the members a micro-batch's events name at its start, one statement per programme (by external
 * id and by e-mail at once), instead of one look-up per event in {@link Members#identify}. First of the
 * reads ahead: others read for the members it found ({@link Members#foundAhead}).
 */
@Component
@Order(0)
class MembersAhead implements BatchReads {

	private final JdbcClient jdbc;

	private final WriteBehind writes;

	private final Members members;

	MembersAhead(JdbcClient jdbc, WriteBehind writes, Members members) {
		this.jdbc = jdbc;
		this.writes = writes;
		this.members = members;
	}

	@Override
	public void readAhead(List<Object> hints) {
		Map<String, List<MemberIdentity>> byProgramme = new LinkedHashMap<>();
		for (Object hint : hints) {
			if (hint instanceof NamedMember named) {
				byProgramme.computeIfAbsent(named.programId(), p -> new ArrayList<>()).add(named.identity());
			}
		}
		if (byProgramme.isEmpty()) {
			return;
		}
		AheadOfBatch ahead = writes.memory(AheadOfBatch.MEMORY, AheadOfBatch::new);
		byProgramme.forEach((programId, identities) -> read(ahead, programId, identities));
	}

	private void read(AheadOfBatch ahead, String programId, List<MemberIdentity> identities) {
		List<String> externalIds = identities.stream().map(MemberIdentity::externalId).filter(Objects::nonNull).toList();
		List<String> emailKeys = identities.stream()
			.map(MemberIdentity::email)
			.filter(Objects::nonNull)
			.map(Members::emailKey)
			.toList();
		var parts = new ArrayList<String>(2);
		var params = new ArrayList<Object>();
		if (!externalIds.isEmpty()) {
			parts.add("select * from member where program_id = ? and external_id = any(?)");
			params.add(programId);
			params.add(AnyOf.values(externalIds));
		}
		if (!emailKeys.isEmpty()) {
			parts.add("select * from member where program_id = ? and email_key = any(?)");
			params.add(programId);
			params.add(AnyOf.values(emailKeys));
		}
		if (parts.isEmpty()) {
			return;
		}
		List<Member> found = jdbc.sql(String.join(" union all ", parts)).params(params).query(members::member).list();
		ahead.read(programId, externalIds, emailKeys);
		found.forEach(member -> ahead.found(programId, member));
	}
}
