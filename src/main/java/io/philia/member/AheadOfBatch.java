package io.philia.member;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.philia.platform.WriteBehind;

/**
 * The members a micro-batch's events name, read at its start ({@link MembersAhead}) and held in its
 * transaction's memory: which identities were looked up, and the members found. A write of a member in
 * the transaction forgets the identities it names, so that their next look-up reads the row again.
 */
final class AheadOfBatch {

	static final String MEMORY = "member.ahead";

	private final Set<String> read = new HashSet<>();

	private final Map<String, Member> found = new HashMap<>();

	/** The ids of the members found, by programme, for the other modules' reads ahead. */
	private final Map<String, Set<String>> ids = new HashMap<>();

	/** The last member enrolled with a deferred insert. */
	private WriteBehind.Deferred lastEnrolled;

	void read(String programId, List<String> externalIds, List<String> emailKeys) {
		externalIds.forEach(externalId -> read.add(byExternalId(programId, externalId)));
		emailKeys.forEach(emailKey -> read.add(byEmailKey(programId, emailKey)));
	}

	void found(String programId, Member member) {
		ids.computeIfAbsent(programId, p -> new HashSet<>()).add(member.id());
		if (member.externalId() != null) {
			found.put(byExternalId(programId, member.externalId()), member);
		}
		if (member.email() != null) {
			found.put(byEmailKey(programId, Members.emailKey(member.email())), member);
		}
	}

	/**
	 * What the look-up by external id, then by e-mail, would give (a member matching both twice, as
	 * {@code union all} does), or null if either was not read ahead.
	 */
	List<Member> named(String programId, String externalId, String emailKey) {
		String x = externalId == null ? null : byExternalId(programId, externalId);
		String e = emailKey == null ? null : byEmailKey(programId, emailKey);
		if (x != null && !read.contains(x) || e != null && !read.contains(e)) {
			return null;
		}
		var named = new ArrayList<Member>(2);
		if (x != null && found.containsKey(x)) {
			named.add(found.get(x));
		}
		if (e != null && found.containsKey(e)) {
			named.add(found.get(e));
		}
		return named;
	}

	/** Whether both keys were read ahead and neither named a member: the customer is new to the batch. */
	boolean unknown(String programId, String externalId, String emailKey) {
		List<Member> named = named(programId, externalId, emailKey);
		return named != null && named.isEmpty();
	}

	/**
	 * A member enrolled by the batch, their insert deferred: their next look-ups find them here, as if read
	 * ahead (not among {@link #memberIds()}, which name rows that exist).
	 */
	void enrolled(String programId, Member member, WriteBehind.Deferred insert) {
		if (member.externalId() != null) {
			found.put(byExternalId(programId, member.externalId()), member);
		}
		if (member.email() != null) {
			found.put(byEmailKey(programId, Members.emailKey(member.email())), member);
		}
		lastEnrolled = insert;
	}

	/** Whether a member enrolled by the batch has not gone out yet (deferred rows go out all at once). */
	boolean enrolledWaiting() {
		return lastEnrolled != null && lastEnrolled.waiting() != null;
	}

	/** The members found, by programme: whom the batch's events name, as far as they are known yet. */
	Map<String, Set<String>> memberIds() {
		return ids;
	}

	/** A member with this external id or e-mail was written: their look-ups read the table again. */
	void forget(String programId, String externalId, String email) {
		if (externalId != null) {
			read.remove(byExternalId(programId, externalId));
			found.remove(byExternalId(programId, externalId));
		}
		if (email != null) {
			read.remove(byEmailKey(programId, Members.emailKey(email)));
			found.remove(byEmailKey(programId, Members.emailKey(email)));
		}
	}

	void forgetAll() {
		read.clear();
		found.clear();
	}

	private static String byExternalId(String programId, String externalId) {
		return "x:" + programId + "/" + externalId;
	}

	private static String byEmailKey(String programId, String emailKey) {
		return "e:" + programId + "/" + emailKey;
	}
}
