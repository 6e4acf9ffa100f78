package io.philia.reward;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.platform.Money;
import io.philia.platform.Violations;
import io.philia.reward.internal.Campaign;
import io.philia.reward.internal.CampaignStore;
import io.philia.reward.internal.SettingsStore;

/** A programme's checkout settings: the rate of points as payment, the next-order coupon campaign. */
@Service
public class CheckoutSettings {

	private final SettingsStore store;

	private final CampaignStore campaigns;

	private final Clock clock;

	CheckoutSettings(SettingsStore store, CampaignStore campaigns, Clock clock) {
		this.store = store;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	public CheckoutTerms get(String programId) {
		return store.find(programId).orElse(new CheckoutTerms(null, null));
	}

	@Transactional
	public CheckoutTerms put(String programId, CheckoutTerms terms) {
		var v = new Violations();
		PointsPayment points = terms.pointsPayment();
		if (points != null) {
			if (points.points() == null || points.points() < 1) {
				v.add("pointsPayment.points", "must be a whole number of points, at least 1");
			}
			String currency = points.currency() == null ? null
					: v.check("pointsPayment.currency", () -> Money.currency(points.currency()).getCurrencyCode());
			if (points.currency() == null) {
				v.add("pointsPayment.currency", "is required (ISO-4217, such as EUR)");
			}
			if (points.per() == null) {
				v.add("pointsPayment.per", "is required, as a decimal string such as \"1.00\"");
			}
			Money per = currency == null || points.per() == null ? null
					: v.check("pointsPayment.per", () -> Money.of(points.per(), currency));
			if (per != null && per.minor() <= 0) {
				v.add("pointsPayment.per", "must be a positive amount");
			}
			int min = share(v, "pointsPayment.minShare", points.minShare(), 0);
			int max = share(v, "pointsPayment.maxShare", points.maxShare(), 100);
			if (min > max) {
				v.add("pointsPayment.minShare", "must not be above maxShare");
			}
			if (points.minPoints() != null && points.minPoints() < 1) {
				v.add("pointsPayment.minPoints", "must be at least 1");
			}
		}
		if (terms.nextOrderCampaignId() != null && campaigns.find(programId, terms.nextOrderCampaignId())
			.filter(c -> c.kind().equals(Campaign.NEXT_ORDER))
			.isEmpty()) {
			v.add("nextOrderCampaignId", "must be the id of a next-order campaign of the programme");
		}
		v.throwIfAny();
		var normalised = points == null ? null : new PointsPayment(points.points(), points.per(), points.currency(),
				points.minShare() == null ? 0 : points.minShare(), points.maxShare() == null ? 100 : points.maxShare(),
				points.minPoints());
		var saved = new CheckoutTerms(normalised, terms.nextOrderCampaignId());
		store.put(programId, saved, clock.instant());
		return saved;
	}

	private static int share(Violations v, String field, Integer share, int otherwise) {
		if (share == null) {
			return otherwise;
		}
		if (share < 0 || share > 100) {
			v.add(field, "must be a percentage from 0 to 100");
			return otherwise;
		}
		return share;
	}
}
