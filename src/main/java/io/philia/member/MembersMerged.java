package io.philia.member;

/**
 * Two member accounts of one person became one: {@code absorbedId} now stands for {@code survivorId}.
 * Published inside the merge's transaction; modules holding members' data move it to the survivor in it.
 */
public record MembersMerged(String programId, String survivorId, String absorbedId) {
}
