package io.philia.reward;

/** A text in the two languages every member-facing text exists in. */
public record Texts(String fr, String en) {

	/** The text in this locale, or in the other one when it is missing there. */
	public String in(String locale) {
		String wanted = "en".equals(locale) ? en : fr;
		return wanted != null ? wanted : "en".equals(locale) ? fr : en;
	}
}
