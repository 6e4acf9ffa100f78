package io.philia.reward;

/**
 * Who is checking out, as the shop knows them: a member by Philia id or by the shop's customer id, and
 * the customer's IP address (for the limit on unknown codes); all optional for guests.
 */
public record Customer(String memberId, String externalId, String ip) {
}
