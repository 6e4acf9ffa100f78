package io.philia.member;

/**
 * How an event names its customer: by the shop's own id, by e-mail, or both, with the data to enrol them
 * if the programme does not know them yet.
 */
public record MemberIdentity(String externalId, String email, String firstName, String lastName, String locale) {
}
