package io.philia.member;

/** Published when a member's profile is changed through the API (rules reward a completed profile). */
public record MemberChanged(String programId, String memberId) {
}
