package io.philia.reward.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.platform.Violations;
import io.philia.reward.CampaignDefinition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coupon campaigns. Parsed campaigns are cached by id and last change, so that validating a code (the
 * checkout's hot path) reads the campaign's row but never parses its terms twice.
 */
@Repository
public class CampaignStore {

	private static final int MAX_CACHED = 10_000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Map<String, Campaign> parsed = new ConcurrentHashMap<>();

	CampaignStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void insert(String programId, String id, CampaignDefinition definition, Instant now) {
		jdbc.sql("""
				insert into coupon_campaign (id, program_id, kind, definition, active, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, programId, definition.type(), json.writeValueAsString(definition),
					definition.active() == null || definition.active(), utc(now), utc(now))
			.update();
	}

	public Optional<Campaign> find(String programId, String id) {
		if (!Ids.isValid(id)) {
			return Optional.empty();
		}
		return jdbc.sql("select * from coupon_campaign where program_id = ? and id = ?")
			.params(programId, id)
			.query(this::row)
			.optional();
	}

	public CursorPage<Campaign> list(String programId, int limit, String cursor) {
		String after = CursorPage.decode(cursor);
		var rows = jdbc.sql("select * from coupon_campaign where program_id = :program and kind <> 'reward'"
				+ (after == null ? "" : " and id > :after") + " order by id limit :limit")
			.param("program", programId)
			.params(after == null ? Map.of() : Map.of("after", after))
			.param("limit", limit + 1)
			.query(this::row)
			.list();
		return CursorPage.of(rows, limit, Campaign::id);
	}

	public boolean setActive(String programId, String id, boolean active, Instant now) {
		return jdbc.sql("update coupon_campaign set active = ?, updated_at = ? where program_id = ? and id = ?")
			.params(active, utc(now), programId, id)
			.update() == 1;
	}

	public long codeCount(String programId, String id) {
		return jdbc.sql("select count(*) from coupon where program_id = ? and campaign_id = ?")
			.params(programId, id)
			.query(Long.class)
			.single();
	}

	/** A campaign from the columns of a row (of coupon_campaign, or of a join that has the same names). */
	Campaign row(ResultSet rs, int n) throws SQLException {
		return parse(rs.getString("id"), rs.getString("kind"), rs.getString("definition"), rs.getBoolean("active"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	Campaign parse(String id, String kind, String definition, boolean active, Instant createdAt, Instant updatedAt) {
		Campaign cached = parsed.get(id);
		if (cached != null && cached.updatedAt().equals(updatedAt)) {
			return cached;
		}
		CampaignDefinition d = json.readValue(definition, CampaignDefinition.class);
		var v = new Violations();
		Terms terms = Terms.parse(v, "terms", d.terms());
		v.throwIfAny();
		var campaign = new Campaign(id, kind, d, terms, d.validFrom() == null ? null : Instant.parse(d.validFrom()),
				d.validUntil() == null ? null : Instant.parse(d.validUntil()), active, createdAt, updatedAt);
		if (parsed.size() >= MAX_CACHED) {
			parsed.clear();
		}
		parsed.put(id, campaign);
		return campaign;
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}
}
