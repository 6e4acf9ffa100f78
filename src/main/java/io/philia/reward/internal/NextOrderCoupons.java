package io.philia.reward.internal;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The coupon a paid order earns for the member's next one: single use, theirs only, worth the most when
 * used soon (the campaign's decay steps count from now) and gone after the last step.
 */
@Component
class NextOrderCoupons {

	private final CampaignStore campaigns;

	private final CouponIssuer issuer;

	private final JdbcClient jdbc;

	NextOrderCoupons(CampaignStore campaigns, CouponIssuer issuer, JdbcClient jdbc) {
		this.campaigns = campaigns;
		this.issuer = issuer;
		this.jdbc = jdbc;
	}

	void issue(String programId, String storeId, String orderId, String memberId, String campaignId, Instant now) {
		Campaign campaign = campaigns.find(programId, campaignId).orElse(null);
		if (campaign == null || !campaign.active() || campaign.validUntil() != null && !now.isBefore(campaign.validUntil())
				|| campaign.validFrom() != null && now.isBefore(campaign.validFrom())) {
			return;
		}
		Instant until = now.plus(campaign.terms().lifetime());
		if (campaign.validUntil() != null && campaign.validUntil().isBefore(until)) {
			until = campaign.validUntil();
		}
		String code = issuer.issue(programId, campaignId, memberId, now, until).value();
		jdbc.sql("insert into order_coupon (program_id, store_id, order_id, member_id, code) values (?, ?, ?, ?, ?)")
			.params(programId, storeId, orderId, memberId, code)
			.update();
	}
}
