package io.philia.rule.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.philia.rule.Rule;
import io.philia.rule.RuleChange;
import io.philia.rule.RuleDefinition;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rules, their versions and audit trail, in the rule module's own tables; every query scoped by programme. */
@Repository
public class RuleStore {

	private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RuleStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** A rule's row and its current version. */
	public record Stored(String id, int version, String versionId, boolean active, RuleDefinition definition,
			Instant createdAt, Instant updatedAt) {

		public Rule view() {
			RuleDefinition d = definition;
			return new Rule(id, version, versionId, active, d.name(), d.description(), d.trigger(), d.condition(),
					d.effect(), d.limits(), d.validity(), d.priority(), d.stopFurtherRules(), createdAt, updatedAt);
		}
	}

	public void insertRule(String programId, String id, String trigger, boolean active, Instant at) {
		jdbc.sql("""
				insert into rule (id, program_id, trigger_type, current_version, active, created_at, updated_at)
				values (?, ?, ?, 0, ?, ?, ?)""")
			.params(id, programId, trigger, active, utc(at), utc(at))
			.update();
	}

	public void insertVersion(String programId, String ruleId, String versionId, int version,
			RuleDefinition definition, Instant at) {
		jdbc.sql("""
				insert into rule_version (id, program_id, rule_id, version, definition, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(versionId, programId, ruleId, version, json.writeValueAsString(definition), utc(at))
			.update();
		jdbc.sql("update rule set current_version = ?, trigger_type = ?, updated_at = ? where program_id = ? and id = ?")
			.params(version, definition.trigger(), utc(at), programId, ruleId)
			.update();
	}

	public void setActive(String programId, String ruleId, boolean active, Instant at) {
		jdbc.sql("update rule set active = ?, updated_at = ? where program_id = ? and id = ?")
			.params(active, utc(at), programId, ruleId)
			.update();
	}

	public void markDeleted(String programId, String ruleId, Instant at) {
		jdbc.sql("update rule set active = false, deleted_at = ?, updated_at = ? where program_id = ? and id = ?")
			.params(utc(at), utc(at), programId, ruleId)
			.update();
	}

	public void audit(String programId, String changeId, String ruleId, int version, String action,
			List<String> changed, String actor, Instant at) {
		jdbc.sql("""
				insert into rule_change (id, program_id, rule_id, version, action, changed, actor, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(changeId, programId, ruleId, version, action,
					changed == null ? null : json.writeValueAsString(changed), actor, utc(at))
			.update();
	}

	/** The rule (not deleted), locked until the transaction ends when {@code lock} is set. */
	public Optional<Stored> find(String programId, String ruleId, boolean lock) {
		return jdbc.sql("""
				select r.id, r.active, r.created_at, r.updated_at, v.id as version_id, v.version, v.definition
				from rule r join rule_version v on v.program_id = r.program_id and v.rule_id = r.id
				  and v.version = r.current_version
				where r.program_id = ? and r.id = ? and r.deleted_at is null""" + (lock ? " for update" : ""))
			.params(programId, ruleId)
			.query(this::stored)
			.optional();
	}

	public List<Stored> page(String programId, String after, Boolean active, String trigger, int rows) {
		var params = new HashMap<String, Object>();
		params.put("program", programId);
		params.put("rows", rows);
		var sql = new StringBuilder("""
				select r.id, r.active, r.created_at, r.updated_at, v.id as version_id, v.version, v.definition
				from rule r join rule_version v on v.program_id = r.program_id and v.rule_id = r.id
				  and v.version = r.current_version
				where r.program_id = :program and r.deleted_at is null""");
		if (after != null) {
			sql.append(" and r.id > :after");
			params.put("after", after);
		}
		if (active != null) {
			sql.append(" and r.active = :active");
			params.put("active", active);
		}
		if (trigger != null) {
			sql.append(" and r.trigger_type = :trigger");
			params.put("trigger", trigger);
		}
		sql.append(" order by r.id limit :rows");
		return jdbc.sql(sql.toString()).params(params).query(this::stored).list();
	}

	/** The active rules of a programme, current versions, for compiling. */
	public List<Stored> active(String programId) {
		return jdbc.sql("""
				select r.id, r.active, r.created_at, r.updated_at, v.id as version_id, v.version, v.definition
				from rule r join rule_version v on v.program_id = r.program_id and v.rule_id = r.id
				  and v.version = r.current_version
				where r.program_id = ? and r.active = true and r.deleted_at is null order by r.id""")
			.param(programId)
			.query(this::stored)
			.list();
	}

	public Optional<RuleDefinition> version(String programId, String ruleId, int version) {
		return jdbc.sql("select definition from rule_version where program_id = ? and rule_id = ? and version = ?")
			.params(programId, ruleId, version)
			.query((rs, n) -> json.readValue(rs.getString(1), RuleDefinition.class))
			.optional();
	}

	public List<RuleChange> history(String programId, String ruleId) {
		return jdbc.sql("select * from rule_change where program_id = ? and rule_id = ? order by id")
			.params(programId, ruleId)
			.query((rs, n) -> new RuleChange(rs.getInt("version"), rs.getString("action"),
					rs.getString("changed") == null ? null : json.readValue(rs.getString("changed"), NAMES),
					rs.getString("actor"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	public boolean exists(String programId, String ruleId) {
		return jdbc.sql("select count(*) from rule where program_id = ? and id = ?")
			.params(programId, ruleId)
			.query(Long.class)
			.single() > 0;
	}

	/** Tells every node that the programme's rules changed: their compiled copies are now stale. */
	public void bumpRevision(String programId) {
		jdbc.sql("insert into rule_revision (program_id, revision) values (?, 0) on conflict do nothing")
			.param(programId)
			.update();
		jdbc.sql("update rule_revision set revision = revision + 1 where program_id = ?").param(programId).update();
	}

	public long revision(String programId) {
		return jdbc.sql("select revision from rule_revision where program_id = ?")
			.param(programId)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	private Stored stored(ResultSet rs, int row) throws SQLException {
		return new Stored(rs.getString("id"), rs.getInt("version"), rs.getString("version_id"),
				rs.getBoolean("active"), json.readValue(rs.getString("definition"), RuleDefinition.class),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
