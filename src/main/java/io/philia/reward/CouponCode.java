package io.philia.reward;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A coupon code. Generated codes are 12 characters from an alphabet without 0/O and 1/I (32 symbols,
 * so 60 bits of randomness from a {@link SecureRandom}), after an optional prefix, shown in groups of
 * four ({@code NOEL-7KQ2-M9XH-3RTA}). Codes are compared normalised: upper case, without dashes or
 * spaces, so a member may type them either way.
 */
public record CouponCode(String value) {

	public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	public static final int RANDOM_LENGTH = 12;

	public static final int MAX_LENGTH = 60;

	public static final int MAX_PREFIX_LENGTH = 20;

	/** What a normalised code looks like: a typed code that does not cannot exist. */
	public static final Pattern NORMALISED = Pattern.compile("[A-Z0-9]{3," + MAX_LENGTH + "}");

	// Compiled once: codes are normalised at every checkout validation.
	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

	public CouponCode {
		if (value == null || !NORMALISED.matcher(value).matches()) {
			throw new IllegalArgumentException("must be 3 to " + MAX_LENGTH + " letters or digits (dashes and spaces are ignored)");
		}
	}

	/** A code as a person or a shop typed it. */
	public static CouponCode parse(String text) {
		if (text == null) {
			throw new IllegalArgumentException("is required");
		}
		return new CouponCode(normalise(text));
	}

	public static String normalise(String text) {
		return SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
	}

	/** A prefix as a marketer writes it: letters and digits, at most 20. */
	public static String prefix(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String prefix = normalise(text);
		if (!prefix.matches("[A-Z0-9]{1," + MAX_PREFIX_LENGTH + "}")) {
			throw new IllegalArgumentException("must be 1 to " + MAX_PREFIX_LENGTH + " letters or digits");
		}
		return prefix;
	}

	/** A new random code: 60 bits from one draw of the generator, five bits per character. */
	public static CouponCode generate(String prefix, SecureRandom random) {
		return fromBits(prefix, random.nextLong());
	}

	/** The code for 60 bits already drawn from a {@link SecureRandom} (bulk generation draws many at once). */
	public static CouponCode fromBits(String prefix, long bits) {
		return new CouponCode(prefix + randomPart(bits));
	}

	static String randomPart(long bits) {
		char[] chars = new char[RANDOM_LENGTH];
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			chars[i] = ALPHABET.charAt((int) (bits & 31));
			bits >>>= 5;
		}
		return new String(chars);
	}

	/** The code as shown to a member: the prefix, then the rest in groups of four. */
	public String display(int prefixLength) {
		var shown = new StringBuilder(value.substring(0, prefixLength));
		String rest = value.substring(prefixLength);
		for (int i = 0; i < rest.length(); i += 4) {
			if (!shown.isEmpty()) {
				shown.append('-');
			}
			shown.append(rest, i, Math.min(rest.length(), i + 4));
		}
		return shown.toString();
	}

	@Override
	public String toString() {
		return value;
	}
}
