package io.philia.member;

/**
 * A customer an event waiting for its writer names: a hint for {@link Members} to read the members of a
 * whole micro-batch at its start ({@link io.philia.platform.BatchReads}).
 */
public record NamedMember(String programId, MemberIdentity identity) {
}
