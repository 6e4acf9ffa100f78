package io.philia.reward.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.philia.platform.Violations;
import io.philia.reward.CampaignDefinition;
import io.philia.reward.CouponCampaign;
import io.philia.reward.CouponCode;

/**
 * A coupon campaign as the code uses it: its definition (as stored, already checked) and its terms,
 * parsed. {@code kind} is promo, codes, next-order or reward.
 */
public record Campaign(String id, String kind, CampaignDefinition definition, Terms terms, Instant validFrom,
		Instant validUntil, boolean active, Instant createdAt, Instant updatedAt) {

	public static final String PROMO = "promo";

	public static final String CODES = "codes";

	public static final String NEXT_ORDER = "next-order";

	public static final String REWARD = "reward";

	public Integer maxUsesPerMember() {
		return definition.maxUsesPerMember();
	}

	/** How many uses each code allows: the promo code's overall limit, or each unique code's. */
	public Long usesPerCode() {
		if (kind.equals(PROMO)) {
			return definition.maxUses();
		}
		return definition.usesPerCode() == null ? 1L : definition.usesPerCode().longValue();
	}

	/**
	 * A code of this campaign as customers see it, rebuilt from the normalised code as it was generated: a
	 * promo code as the marketer set it, a generated one in groups of four after the campaign's prefix
	 * ({@code FLY-2225-SYT8-P6L5}).
	 */
	public String display(String code) {
		return switch (kind) {
			case PROMO -> code;
			case CODES -> new CouponCode(code).display(definition.prefix() == null ? 0 : definition.prefix().length());
			default -> new CouponCode(code).display(0);
		};
	}

	public CouponCampaign view() {
		var d = definition;
		return new CouponCampaign(id, kind, d.name(), d.code(), d.prefix(), d.terms(), validFrom, validUntil,
				d.maxUses(), d.maxUsesPerMember(), kind.equals(PROMO) ? null : usesPerCode().intValue(), active,
				createdAt, updatedAt);
	}

	/**
	 * Checks a definition a marketer sent and returns it normalised (codes and prefixes upper case, times
	 * in UTC), or refuses it with every field at fault.
	 */
	public static CampaignDefinition check(CampaignDefinition d) {
		var v = new Violations();
		String type = d.type();
		if (type == null || !(type.equals(PROMO) || type.equals(CODES) || type.equals(NEXT_ORDER))) {
			v.add("type", "must be promo, codes or next-order");
		}
		v.requireText("name", d.name(), 200);
		String code = null;
		String prefix = null;
		if (PROMO.equals(type)) {
			code = v.check("code", () -> CouponCode.parse(d.code()).value());
		}
		else if (d.code() != null) {
			v.add("code", "belongs to promo campaigns (unique codes are generated)");
		}
		if (CODES.equals(type)) {
			prefix = v.check("prefix", () -> CouponCode.prefix(d.prefix()));
		}
		else if (d.prefix() != null) {
			v.add("prefix", "belongs to campaigns of unique codes");
		}
		Terms terms = Terms.parse(v, "terms", d.terms());
		if (terms != null && NEXT_ORDER.equals(type) != !terms.decay().isEmpty()) {
			v.add("terms.decay", NEXT_ORDER.equals(type) ? "is required for a next-order coupon (its value by how soon it is used)"
					: "belongs to next-order campaigns");
		}
		Instant from = instant(v, "validFrom", d.validFrom());
		Instant until = instant(v, "validUntil", d.validUntil());
		if (from != null && until != null && !until.isAfter(from)) {
			v.add("validUntil", "must be after validFrom");
		}
		if (d.maxUses() != null && (!PROMO.equals(type) || d.maxUses() < 1)) {
			v.add("maxUses", PROMO.equals(type) ? "must be at least 1" : "belongs to promo campaigns (use usesPerCode)");
		}
		if (d.maxUsesPerMember() != null && d.maxUsesPerMember() < 1) {
			v.add("maxUsesPerMember", "must be at least 1");
		}
		if (d.usesPerCode() != null && (!CODES.equals(type) || d.usesPerCode() < 1)) {
			v.add("usesPerCode", CODES.equals(type) ? "must be at least 1" : "belongs to campaigns of unique codes");
		}
		v.throwIfAny();
		return new CampaignDefinition(type, d.name(), code, prefix == null || prefix.isEmpty() ? null : prefix,
				d.terms(), from == null ? null : from.toString(), until == null ? null : until.toString(), d.maxUses(),
				d.maxUsesPerMember(), d.usesPerCode(), d.active());
	}

	static Instant instant(Violations v, String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException e) {
			v.add(field, "must be an ISO-8601 time with an offset, such as 2026-12-01T00:00:00+01:00");
			return null;
		}
	}
}
