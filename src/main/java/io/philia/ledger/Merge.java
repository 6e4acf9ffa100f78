package io.philia.ledger;

/**
 * Two accounts of one person made one: what moved from the absorbed account to the surviving one (its
 * lots keep their expiry dates, its history stays readable from the survivor's).
 */
public record Merge(String survivorId, String absorbedId, long available, long pending, int lots, Balance balance) {
}
