package io.philia.reward.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.philia.platform.Money;
import io.philia.platform.Violations;
import io.philia.reward.RewardDefinition;
import io.philia.reward.Texts;

/** Checks a reward as a marketer wrote it and returns it normalised (times in UTC), or refuses it whole. */
public final class RewardCheck {

	public static final Set<String> KINDS = Set.of("voucher", "percentage-discount", "fixed-discount", "free-shipping",
			"gift", "partner", "donation");

	/** The discount each coupon kind's terms must have. */
	private static final Map<String, String> COUPON_DISCOUNT = Map.of("voucher", "amount", "percentage-discount",
			"percentage", "fixed-discount", "amount", "free-shipping", "free-shipping");

	static final long MAX_COST = 1_000_000_000_000L;

	private RewardCheck() {
	}

	public static boolean issuesCoupon(String kind) {
		return COUPON_DISCOUNT.containsKey(kind);
	}

	public static RewardDefinition check(RewardDefinition d) {
		var v = new Violations();
		String kind = d.kind();
		if (kind == null || !KINDS.contains(kind)) {
			v.add("kind", "must be one of " + KINDS.stream().sorted().toList());
		}
		if (d.costPoints() == null || d.costPoints() < 1 || d.costPoints() > MAX_COST) {
			v.add("costPoints", "must be a whole number of points from 1 to " + MAX_COST);
		}
		texts(v, "name", d.name(), 200, true);
		texts(v, "description", d.description(), 4000, false);
		List<String> images = d.imageUrls() == null ? List.of() : d.imageUrls();
		if (images.size() > 10) {
			v.add("imageUrls", "must have at most 10 addresses");
		}
		for (int i = 0; i < images.size(); i++) {
			if (!isHttpUrl(images.get(i))) {
				v.add("imageUrls[" + i + "]", "must be an http or https address of at most 2000 characters");
			}
		}
		Instant from = Campaign.instant(v, "availableFrom", d.availableFrom());
		Instant until = Campaign.instant(v, "availableUntil", d.availableUntil());
		if (from != null && until != null && !until.isAfter(from)) {
			v.add("availableUntil", "must be after availableFrom");
		}
		List<String> tiers = d.tiers() == null ? List.of() : d.tiers();
		if (tiers.size() > 20 || tiers.stream().anyMatch(t -> t == null || !t.matches("[a-z0-9][a-z0-9_-]{0,39}"))) {
			v.add("tiers", "must be at most 20 tier codes (lower-case letters, digits, - and _)");
		}
		if (d.perMemberLimit() != null && d.perMemberLimit() < 1) {
			v.add("perMemberLimit", "must be at least 1");
		}
		if (d.stock() != null && d.stock() < 0) {
			v.add("stock", "must not be negative");
		}
		if (kind != null && issuesCoupon(kind)) {
			Terms terms = Terms.parse(v, "coupon", d.coupon());
			if (d.coupon() != null && !COUPON_DISCOUNT.get(kind).equals(d.coupon().discount())) {
				v.add("coupon.discount", "must be " + COUPON_DISCOUNT.get(kind) + " for a " + kind);
			}
			if (terms != null && !terms.decay().isEmpty()) {
				v.add("coupon.decay", "belongs to next-order campaigns");
			}
			if (d.couponValidDays() != null && (d.couponValidDays() < 1 || d.couponValidDays() > 3650)) {
				v.add("couponValidDays", "must be from 1 to 3650 days");
			}
		}
		else {
			only(v, d.coupon() != null, "coupon", "the coupon kinds");
			only(v, d.couponValidDays() != null, "couponValidDays", "the coupon kinds");
		}
		if ("partner".equals(kind)) {
			v.requireText("partner", d.partner(), 200);
		}
		else {
			only(v, d.partner() != null, "partner", "partner rewards");
		}
		if ("donation".equals(kind)) {
			v.requireText("charity", d.charity(), 200);
			Money donation = v.check("donation", () -> Money.of(d.donation(), d.currency()));
			if (donation != null && donation.minor() <= 0) {
				v.add("donation", "must be more than zero");
			}
		}
		else {
			only(v, d.charity() != null || d.donation() != null, "charity", "donations");
		}
		v.throwIfAny();
		return new RewardDefinition(kind, d.costPoints(), d.name(), d.description(), images,
				from == null ? null : from.toString(), until == null ? null : until.toString(), tiers,
				d.perMemberLimit(), d.stock(), d.coupon(),
				issuesCoupon(kind) ? (d.couponValidDays() == null ? 365 : d.couponValidDays()) : null, d.partner(),
				d.charity(), d.donation(), "donation".equals(kind) ? d.currency() : null);
	}

	private static void texts(Violations v, String field, Texts texts, int max, boolean required) {
		if (texts == null || texts.fr() == null && texts.en() == null) {
			if (required) {
				v.add(field, "needs fr or en (or both)");
			}
			return;
		}
		v.checkLength(field + ".fr", texts.fr(), max);
		v.checkLength(field + ".en", texts.en(), max);
		if (required && (texts.fr() != null && texts.fr().isBlank() || texts.en() != null && texts.en().isBlank())) {
			v.add(field, "must not be blank");
		}
	}

	private static void only(Violations v, boolean present, String field, String which) {
		if (present) {
			v.add(field, "belongs to " + which + " only");
		}
	}

	private static boolean isHttpUrl(String url) {
		if (url == null || url.length() > 2000) {
			return false;
		}
		try {
			URI uri = URI.create(url);
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
