package io.philia.reward;

/** What a generation request made: how many new codes, and the campaign's total. */
public record GeneratedCodes(String campaignId, long generated, long total) {
}
