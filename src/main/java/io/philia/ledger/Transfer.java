package io.philia.ledger;

/** Points given by one member to another: the sender's entry and the recipient's. */
public record Transfer(String fromMemberId, String toMemberId, long points, Movement sent, Movement received) {
}
