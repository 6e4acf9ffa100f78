package io.philia.member;

/**
 * How an event names its customer: by the shop's own id, by e-mail, or both, with the data to enrol them
 * if the programme does not know them yet.
 */
public record MemberIdentity(String externalId, String email, String firstName, String lastName, String locale) {

	/** Records what is wrong with these fields, named under {@code field} (as "member.email"). */
	public void check(io.philia.platform.Violations v, String field) {
		MemberFields.externalId(v, field + ".externalId", externalId);
		MemberFields.email(v, field + ".email", email);
		if (externalId == null && email == null) {
			v.add(field, "needs an externalId or an email");
		}
		MemberFields.name(v, field + ".firstName", firstName);
		MemberFields.name(v, field + ".lastName", lastName);
		MemberFields.locale(v, field + ".locale", locale);
	}
}
