package io.philia.member;

/** The member an event names, and whether the event enrolled them. */
public record Identified(Member member, boolean enrolled) {
}
