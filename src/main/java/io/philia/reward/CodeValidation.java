package io.philia.reward;

/**
 * A code that applies to a cart, and what it gives. (A code that does not apply is a problem answer
 * with the exact reason.)
 *
 * @param code the code as customers see it ({@code FLY-2225-SYT8-P6L5}), however it was typed
 * @param message what to tell the member, in their language
 */
public record CodeValidation(String code, boolean valid, String campaignId, String currency, String discount,
		boolean freeShipping, String message) {
}
