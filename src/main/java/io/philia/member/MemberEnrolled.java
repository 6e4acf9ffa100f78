package io.philia.member;

/** Published when a customer joins a programme, through the API or from their first event. */
public record MemberEnrolled(String programId, String memberId, String externalId) {
}
