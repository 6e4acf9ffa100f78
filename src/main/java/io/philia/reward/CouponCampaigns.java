package io.philia.reward;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.platform.Transactions;
import io.philia.reward.internal.BulkCodes;
import io.philia.reward.internal.Campaign;
import io.philia.reward.internal.CampaignStore;
import io.philia.reward.internal.CouponStore;

/**
 * Coupon campaigns: shared promo codes, batches of unique codes (a million in one request), the
 * next-order coupon. Codes of a campaign can be exported as CSV for printing or e-mailing.
 */
@Service
public class CouponCampaigns {

	private final CampaignStore campaigns;

	private final CouponStore coupons;

	private final BulkCodes bulk;

	private final RewardSettings settings;

	private final JdbcTemplate jdbc;

	private final Transactions transactions;

	private final Clock clock;

	CouponCampaigns(CampaignStore campaigns, CouponStore coupons, BulkCodes bulk, RewardSettings settings,
			JdbcTemplate jdbc, Transactions transactions, Clock clock) {
		this.campaigns = campaigns;
		this.coupons = coupons;
		this.bulk = bulk;
		this.settings = settings;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Transactional
	public CouponCampaign create(String programId, CampaignDefinition request) {
		CampaignDefinition definition = Campaign.check(request);
		String id = Ids.next(clock);
		Instant now = clock.instant();
		campaigns.insert(programId, id, definition, now);
		if (definition.type().equals(Campaign.PROMO)
				&& !coupons.insert(programId, definition.code(), id, null, definition.maxUses(), null, null)) {
			throw new PhiliaException(RewardProblems.CODE_TAKEN,
					"The programme already has a coupon with the code " + definition.code());
		}
		return get(programId, id);
	}

	public CouponCampaign get(String programId, String campaignId) {
		return campaign(programId, campaignId).view();
	}

	public CursorPage<CouponCampaign> list(String programId, int limit, String cursor) {
		var page = campaigns.list(programId, limit, cursor);
		return new CursorPage<>(page.items().stream().map(Campaign::view).toList(), page.nextCursor());
	}

	/** Withdraws (or brings back) every code of the campaign at once. */
	@Transactional
	public CouponCampaign setActive(String programId, String campaignId, boolean active) {
		campaign(programId, campaignId);
		campaigns.setActive(programId, campaignId, active, clock.instant());
		return get(programId, campaignId);
	}

	/** Adds {@code count} unique codes to a campaign of codes, in the caller's transaction. */
	@Transactional
	public GeneratedCodes generate(String programId, String campaignId, Long count) {
		Campaign campaign = campaign(programId, campaignId);
		if (!campaign.kind().equals(Campaign.CODES)) {
			throw InvalidRequest.of("campaign", "is a " + campaign.kind() + " campaign; codes are generated for campaigns of type codes");
		}
		if (count == null || count < 1 || count > settings.maxCodesPerBatch()) {
			throw InvalidRequest.of("count", "must be from 1 to " + settings.maxCodesPerBatch());
		}
		String prefix = campaign.definition().prefix() == null ? "" : campaign.definition().prefix();
		long added = bulk.generate(programId, campaignId, prefix, campaign.usesPerCode(), count);
		return new GeneratedCodes(campaignId, added, campaigns.codeCount(programId, campaignId));
	}

	/** Writes the campaign's codes as CSV (code as shown to customers, uses so far), one per line. */
	public void export(String programId, String campaignId, OutputStream out) {
		Campaign campaign = campaign(programId, campaignId);
		transactions.inTransaction(() -> {
			var template = new JdbcTemplate(jdbc.getDataSource());
			// Streamed: a million codes must not sit in memory (PostgreSQL streams only inside a transaction).
			template.setFetchSize(10_000);
			try {
				out.write("code,uses\n".getBytes(StandardCharsets.UTF_8));
				template.query("select code, uses from coupon where program_id = ? and campaign_id = ? order by code",
						rs -> {
							try {
								out.write((campaign.display(rs.getString(1)) + "," + rs.getLong(2) + "\n")
									.getBytes(StandardCharsets.UTF_8));
							}
							catch (IOException e) {
								throw new UncheckedIOException(e);
							}
						}, programId, campaignId);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return null;
		});
	}

	private Campaign campaign(String programId, String campaignId) {
		return campaigns.find(programId, campaignId)
			.filter(c -> !c.kind().equals(Campaign.REWARD))
			.orElseThrow(() -> new PhiliaException(RewardProblems.CAMPAIGN_NOT_FOUND,
					"No coupon campaign " + campaignId + " in this programme"));
	}
}
