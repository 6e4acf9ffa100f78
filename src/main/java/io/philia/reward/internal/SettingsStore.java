package io.philia.reward.internal;

import static io.philia.reward.internal.CampaignStore.utc;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.reward.CheckoutTerms;
import io.philia.reward.PointsPayment;
import tools.jackson.databind.json.JsonMapper;

/** A programme's checkout settings row. */
@Repository
public class SettingsStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SettingsStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public Optional<CheckoutTerms> find(String programId) {
		return jdbc.sql("select points_payment, next_order_campaign_id from reward_settings where program_id = ?")
			.param(programId)
			.query((rs, n) -> new CheckoutTerms(
					rs.getString(1) == null ? null : json.readValue(rs.getString(1), PointsPayment.class), rs.getString(2)))
			.optional();
	}

	public void put(String programId, CheckoutTerms terms, Instant now) {
		String points = terms.pointsPayment() == null ? null : json.writeValueAsString(terms.pointsPayment());
		int updated = jdbc.sql("""
				update reward_settings set points_payment = ?, next_order_campaign_id = ?, updated_at = ?
				where program_id = ?""")
			.params(points, terms.nextOrderCampaignId(), utc(now), programId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into reward_settings (program_id, points_payment, next_order_campaign_id, updated_at)
					values (?, ?, ?, ?)""")
				.params(programId, points, terms.nextOrderCampaignId(), utc(now))
				.update();
		}
	}
}
