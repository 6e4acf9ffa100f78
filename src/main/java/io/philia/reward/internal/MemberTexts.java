package io.philia.reward.internal;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.philia.member.Member;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.platform.ProblemType;
import io.philia.platform.Violations;
import io.philia.program.Programmes;

/**
 * What a member is told, in French or English (bundles {@code i18n/rewards_fr} and {@code _en}, keyed by
 * problem slug): the member's locale, else the one the shop asked for, else the programme's.
 */
@Component
public class MemberTexts {

	public static final String BUNDLE = "i18n/rewards";

	/**
	 * Parsed messages and money formats by locale (and key or currency), few and fixed: validating a code
	 * (the checkout's hot path) parsed a pattern per message and built a currency format per amount.
	 */
	private static final Map<String, MessageFormat> MESSAGES = new ConcurrentHashMap<>();

	private static final Map<String, NumberFormat> MONEY_FORMATS = new ConcurrentHashMap<>();

	private final Programmes programmes;

	MemberTexts(Programmes programmes) {
		this.programmes = programmes;
	}

	public String locale(String programId, String requested, Member member) {
		if (requested != null && (requested.equals("fr") || requested.equals("en"))) {
			return requested;
		}
		if (member != null && member.locale() != null) {
			return member.locale();
		}
		return programmes.defaultLocale(programId);
	}

	public ZoneId zone(String programId) {
		return programmes.timeZone(programId);
	}

	public static String text(String locale, String key, Object... arguments) {
		MessageFormat parsed = MESSAGES.computeIfAbsent(locale + ":" + key, k -> {
			ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(locale));
			return new MessageFormat(bundle.getString(key), Locale.forLanguageTag(locale));
		});
		// A copy per use: a MessageFormat is not safe to share between threads, and copying it is cheaper
		// than parsing its pattern again.
		return ((MessageFormat) parsed.clone()).format(arguments);
	}

	/** A refusal a member may see: the developer's detail and, as {@code message}, the member's text. */
	public static PhiliaException refusal(ProblemType problem, String detail, String locale, Object... arguments) {
		Object[] shown = java.util.Arrays.stream(arguments)
			.map(a -> a instanceof io.philia.platform.Money m ? money(m.minor(), m.currencyCode(), locale) : a)
			.toArray();
		return new PhiliaException(problem, detail,
				Map.of("message", text(locale, problem.slug(), shown), "locale", locale));
	}

	/**
	 * A refusal raised without the member in mind (a validation, a look-up of another module), told to
	 * the member too: the same problem and fields, and as {@code message} the text of {@code key}.
	 */
	public static PhiliaException told(PhiliaException refused, String locale, String key) {
		var properties = new java.util.HashMap<>(refused.properties());
		properties.put("message", text(locale, key));
		properties.put("locale", locale);
		return new PhiliaException(refused.problem(), refused.getMessage(), properties);
	}

	/** {@link Violations#throwIfAny()}, the refusal told to the member by the text of {@code key}. */
	public static void throwIfAny(Violations v, String locale, String key) {
		try {
			v.throwIfAny();
		}
		catch (InvalidRequest invalid) {
			throw told(invalid, locale, key);
		}
	}

	/** A time as a member reads it: in the programme's time zone, in their language. */
	public static String date(java.time.Instant instant, ZoneId zone, String locale) {
		return java.time.format.DateTimeFormatter
			.ofLocalizedDateTime(java.time.format.FormatStyle.MEDIUM, java.time.format.FormatStyle.SHORT)
			.withLocale(Locale.forLanguageTag(locale))
			.withZone(zone)
			.format(instant);
	}

	/** An amount as a member reads it: "10,00 €" in French, "€10.00" in English. */
	public static String money(long minor, String currency, String locale) {
		NumberFormat parsed = MONEY_FORMATS.computeIfAbsent(locale + ":" + currency, k -> {
			var format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(locale.equals("en") ? "en-IE" : "fr-FR"));
			format.setCurrency(java.util.Currency.getInstance(currency));
			return format;
		});
		int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
		// A copy per use, as for messages: a NumberFormat is not safe to share between threads.
		return ((NumberFormat) parsed.clone()).format(java.math.BigDecimal.valueOf(minor, digits));
	}
}
