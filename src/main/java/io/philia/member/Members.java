package io.philia.member;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.member.Member.Consent;
import io.philia.member.NewMember.ConsentInput;
import io.philia.platform.CursorPage;
import io.philia.platform.Ids;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;
import io.philia.platform.WriteBehind;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Enrols, finds and changes members; every query is scoped to one programme. */
@Service
public class Members {

	private static final TypeReference<Map<String, Consent>> CONSENTS = new TypeReference<>() {
	};

	/** An empty JSON object as {@link #insert} writes it. */
	private static final String EMPTY = "{}";

	private static final String INSERT = """
			insert into member (id, program_id, external_id, email, email_key, phone, first_name, last_name,
			  birth_date, locale, consents, attributes, enrolled_at, updated_at)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final WriteBehind writes;

	Members(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events, WriteBehind writes) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.events = events;
		this.writes = writes;
	}

	@Transactional
	public Member enrol(String programId, NewMember request) {
		var v = new Violations();
		String externalId = MemberFields.externalId(v, "externalId", request.externalId());
		String email = MemberFields.email(v, "email", request.email());
		if (externalId == null && email == null) {
			v.add("externalId", "or email is required to identify the member");
		}
		String phone = MemberFields.phone(v, "phone", request.phone());
		String firstName = MemberFields.name(v, "firstName", request.firstName());
		String lastName = MemberFields.name(v, "lastName", request.lastName());
		LocalDate birthDate = MemberFields.birthDate(v, "birthDate", request.birthDate(), clock);
		String locale = MemberFields.locale(v, "locale", request.locale());
		Map<String, Consent> consents = MemberFields.consents(v, request.consents(), clock);
		JsonNode attributes = MemberFields.attributes(v, "attributes", request.attributes());
		v.throwIfAny();

		if (externalId != null && byExternalId(programId, externalId).isPresent()
				|| email != null && byEmail(programId, email).isPresent()) {
			throw new PhiliaException(MemberProblems.MEMBER_ALREADY_EXISTS,
					"The programme already has a member with this externalId or email");
		}
		Instant now = clock.instant();
		var member = new Member(Ids.next(clock), externalId, email, phone, firstName, lastName, birthDate, locale,
				consents, attributes == null ? json.createObjectNode() : attributes, now, now);
		if (!insert(programId, member)) {
			// A concurrent enrolment of the same customer got in between the check and the insert.
			throw new PhiliaException(MemberProblems.MEMBER_ALREADY_EXISTS,
					"The programme already has a member with this externalId or email");
		}
		events.publishEvent(new MemberEnrolled(programId, member.id(), externalId));
		return member;
	}

	/**
	 * The member an event names, enrolled on the spot if the programme does not know them. Safe when many
	 * events for the same new customer arrive at once: exactly one enrols them.
	 */
	@Transactional
	public Identified identify(String programId, MemberIdentity identity) {
		var v = new Violations();
		identity.check(v, "member");
		v.throwIfAny();
		String externalId = identity.externalId();
		String email = identity.email();
		String locale = identity.locale() == null ? null : identity.locale().toLowerCase(Locale.ROOT);

		Optional<Member> known = find(programId, externalId, email);
		if (known.isPresent()) {
			return new Identified(survivor(programId, known.get()), false);
		}
		Instant now = clock.instant();
		var member = new Member(Ids.next(clock), externalId, email, null, identity.firstName(), identity.lastName(),
				null, locale, Map.of(), json.createObjectNode(), now, now);
		AheadOfBatch ahead = ahead();
		if (ahead != null && ahead.unknown(programId, externalId, email == null ? null : emailKey(email))) {
			// Known by neither key when the micro-batch began: the insert goes out with the batch's other
			// rows (issue #3). A customer enrolled meanwhile by another transaction fails the commit, and
			// the batch runs again piece by piece, where the insert below finds them.
			ahead.enrolled(programId, member, writes.deferChangeable(INSERT, row(programId, member)));
			events.publishEvent(new MemberEnrolled(programId, member.id(), externalId));
			return new Identified(member, true);
		}
		if (insert(programId, member)) {
			events.publishEvent(new MemberEnrolled(programId, member.id(), externalId));
			return new Identified(member, true);
		}
		// Another transaction enrolled them first, or the e-mail belongs to a member with another externalId.
		return find(programId, externalId, email).map(m -> new Identified(survivor(programId, m), false))
			.orElseThrow(() -> new PhiliaException(MemberProblems.IDENTITY_CONFLICT,
					"The email " + email + " belongs to a member with another externalId than " + externalId));
	}

	private Optional<Member> find(String programId, String externalId, String email) {
		AheadOfBatch ahead = ahead();
		List<Member> named = ahead == null ? null
				: ahead.named(programId, externalId, email == null ? null : emailKey(email));
		if (externalId != null) {
			if (named == null && email == null) {
				return byExternalId(programId, externalId);
			}
			if (named == null) {
				// Both look-ups in one round trip: a new customer needs both (issue #3).
				named = sql("""
						select * from member where program_id = ? and external_id = ?
						union all
						select * from member where program_id = ? and email_key = ?""")
					.params(programId, externalId, programId, emailKey(email))
					.query(this::member)
					.list();
			}
			Optional<Member> byId = named.stream().filter(m -> externalId.equals(m.externalId())).findFirst();
			if (byId.isPresent()) {
				return byId;
			}
			Optional<Member> byMail = named.stream().findFirst();
			if (byMail.isPresent() && byMail.get().externalId() == null) {
				// Known by e-mail only until now: the shop's id joins that member rather than a twin.
				forgetAhead(programId, externalId, byMail.get().email());
				sql("update member set external_id = ?, updated_at = ? where program_id = ? and id = ? and external_id is null")
					.params(externalId, utc(clock.instant()), programId, byMail.get().id())
					.update();
				return find(programId, byMail.get().id());
			}
			return Optional.empty();
		}
		return named == null ? byEmail(programId, email) : named.stream().findFirst();
	}

	/**
	 * The members a micro-batch's events name that its read-ahead found ({@link NamedMember} hints), by
	 * programme: for other modules to read ahead what they hold of the same customers. Empty outside a
	 * micro-batch's all-or-nothing run.
	 */
	public Map<String, Set<String>> foundAhead() {
		AheadOfBatch ahead = ahead();
		return ahead == null ? Map.of() : Collections.unmodifiableMap(ahead.memberIds());
	}

	/** A write of a member with this external id or e-mail: what the micro-batch read ahead of them is stale. */
	private void forgetAhead(String programId, String externalId, String email) {
		AheadOfBatch ahead = ahead();
		if (ahead != null) {
			ahead.forget(programId, externalId, email);
		}
	}

	static String emailKey(String email) {
		return email.toLowerCase(Locale.ROOT);
	}

	/** The member an account stands for today: itself, or the one it was merged into (merges of merges too). */
	private Member survivor(String programId, Member member) {
		Member current = member;
		while (current.mergedInto() != null) {
			current = get(programId, current.mergedInto());
		}
		return current;
	}

	public Optional<Member> find(String programId, String memberId) {
		if (!Ids.isValid(memberId)) {
			return Optional.empty();
		}
		return sql("select * from member where program_id = ? and id = ?")
			.params(programId, memberId)
			.query(this::member)
			.optional();
	}

	/** The member, or a 404 problem: the id may belong to another programme, which is the same as absent. */
	public Member get(String programId, String memberId) {
		return find(programId, memberId).orElseThrow(() -> new PhiliaException(MemberProblems.MEMBER_NOT_FOUND,
				"No member " + memberId + " in this programme"));
	}

	public boolean exists(String programId, String memberId) {
		return Ids.isValid(memberId) && sql("select count(*) from member where program_id = ? and id = ?")
			.params(programId, memberId)
			.query(Long.class)
			.single() > 0;
	}

	public Optional<Member> byExternalId(String programId, String externalId) {
		return sql("select * from member where program_id = ? and external_id = ?")
			.params(programId, externalId)
			.query(this::member)
			.optional();
	}

	public Optional<Member> byEmail(String programId, String email) {
		return sql("select * from member where program_id = ? and email_key = ?")
			.params(programId, email.toLowerCase(Locale.ROOT))
			.query(this::member)
			.optional();
	}

	/** Members in enrolment order, optionally only those with an externalId or email. */
	public CursorPage<Member> list(String programId, String externalId, String email, int limit, String cursor) {
		String after = CursorPage.decode(cursor);
		var query = new StringBuilder("select * from member where program_id = :program");
		var params = new HashMap<String, Object>();
		params.put("program", programId);
		if (externalId != null) {
			query.append(" and external_id = :externalId");
			params.put("externalId", externalId);
		}
		if (email != null) {
			query.append(" and email_key = :email");
			params.put("email", email.toLowerCase(Locale.ROOT));
		}
		if (after != null) {
			query.append(" and id > :after");
			params.put("after", after);
		}
		query.append(" order by id limit :limit");
		params.put("limit", limit + 1);
		var rows = sql(query.toString()).params(params).query(this::member).list();
		return CursorPage.of(rows, limit, Member::id);
	}

	/**
	 * Changes a member as a JSON merge patch (RFC 7396): absent fields stay, null clears, consents and
	 * attributes merge key by key.
	 */
	@Transactional
	public Member change(String programId, String memberId, JsonNode patch) {
		Member current = get(programId, memberId);
		var v = new Violations();
		if (patch == null || !patch.isObject()) {
			v.add("body", "must be a JSON object");
			v.throwIfAny();
		}
		patch.propertyNames().forEach(name -> {
			if (!java.util.Set.of("externalId", "email", "phone", "firstName", "lastName", "birthDate", "locale",
					"consents", "attributes").contains(name)) {
				v.add(name, "is not a field of a member");
			}
		});
		String externalId = text(v, patch, "externalId", current.externalId());
		externalId = MemberFields.externalId(v, "externalId", externalId);
		String email = MemberFields.email(v, "email", text(v, patch, "email", current.email()));
		if (externalId == null && email == null) {
			v.add("externalId", "or email must stay set to identify the member");
		}
		String phone = MemberFields.phone(v, "phone", text(v, patch, "phone", current.phone()));
		String firstName = MemberFields.name(v, "firstName", text(v, patch, "firstName", current.firstName()));
		String lastName = MemberFields.name(v, "lastName", text(v, patch, "lastName", current.lastName()));
		LocalDate birthDate = patch.has("birthDate")
				? MemberFields.birthDate(v, "birthDate", text(v, patch, "birthDate", null), clock)
				: current.birthDate();
		String locale = MemberFields.locale(v, "locale", text(v, patch, "locale", current.locale()));
		Map<String, Consent> consents = new TreeMap<>(current.consents());
		if (patch.has("consents")) {
			JsonNode input = patch.get("consents");
			if (!input.isObject()) {
				v.add("consents", "must be a JSON object of channels");
			}
			else {
				Map<String, ConsentInput> changes = new HashMap<>();
				input.properties().forEach(e -> {
					if (e.getValue().isNull()) {
						consents.remove(e.getKey());
					}
					else {
						changes.put(e.getKey(), v.check("consents." + e.getKey(),
								() -> json.treeToValue(e.getValue(), ConsentInput.class)));
					}
				});
				consents.putAll(MemberFields.consents(v, changes, clock));
			}
		}
		JsonNode attributes = current.attributes();
		if (patch.has("attributes")) {
			JsonNode input = patch.get("attributes");
			if (input.isNull()) {
				attributes = json.createObjectNode();
			}
			else if (MemberFields.attributes(v, "attributes", input) != null && input.isObject()) {
				attributes = merge((ObjectNode) attributes.deepCopy(), input);
				MemberFields.attributes(v, "attributes", attributes);
			}
		}
		v.throwIfAny();

		if (externalId != null && !externalId.equals(current.externalId())
				&& byExternalId(programId, externalId).isPresent()
				|| email != null && !email.equalsIgnoreCase(String.valueOf(current.email()))
						&& byEmail(programId, email).isPresent()) {
			throw new PhiliaException(MemberProblems.MEMBER_ALREADY_EXISTS,
					"Another member of the programme has this externalId or email");
		}
		var changed = new Member(current.id(), externalId, email, phone, firstName, lastName, birthDate, locale,
				consents, attributes, current.enrolledAt(), clock.instant(), current.mergedInto());
		forgetAhead(programId, current.externalId(), current.email());
		forgetAhead(programId, externalId, email);
		sql("""
				update member set external_id = ?, email = ?, email_key = ?, phone = ?, first_name = ?, last_name = ?,
				  birth_date = ?, locale = ?, consents = ?, attributes = ?, updated_at = ?
				where program_id = ? and id = ?""")
			.params(externalId, email, email == null ? null : email.toLowerCase(Locale.ROOT), phone, firstName,
					lastName, birthDate, locale, json.writeValueAsString(consents), json.writeValueAsString(attributes),
					utc(changed.updatedAt()), programId, memberId)
			.update();
		events.publishEvent(new MemberChanged(programId, memberId));
		return changed;
	}

	private static ObjectNode merge(ObjectNode target, JsonNode patch) {
		patch.properties().forEach(e -> {
			if (e.getValue().isNull()) {
				target.remove(e.getKey());
			}
			else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode inner) {
				merge(inner, e.getValue());
			}
			else {
				target.set(e.getKey(), e.getValue());
			}
		});
		return target;
	}

	private static String text(Violations v, JsonNode patch, String field, String current) {
		if (!patch.has(field)) {
			return current;
		}
		JsonNode value = patch.get(field);
		if (value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			v.add(field, "must be a string");
			return current;
		}
		return value.stringValue();
	}

	/** Inserts unless the externalId or email is taken; false if it was (by a concurrent enrolment, say). */
	private boolean insert(String programId, Member m) {
		forgetAhead(programId, m.externalId(), m.email());
		return sql(INSERT + " on conflict do nothing").params(row(programId, m)).update() == 1;
	}

	private Object[] row(String programId, Member m) {
		return new Object[] { m.id(), programId, m.externalId(), m.email(),
				m.email() == null ? null : m.email().toLowerCase(Locale.ROOT), m.phone(), m.firstName(), m.lastName(),
				m.birthDate(), m.locale(), json.writeValueAsString(m.consents()), json.writeValueAsString(m.attributes()),
				utc(m.enrolledAt()), utc(m.updatedAt()) };
	}

	/**
	 * A statement on the member table, after the members this transaction enrolled with their insert
	 * deferred have gone out: every read and write of the table sees them.
	 */
	private JdbcClient.StatementSpec sql(String statement) {
		writeOutEnrolled();
		return jdbc.sql(statement);
	}

	/** What the micro-batch running in this transaction read ahead of its members; null outside one. */
	AheadOfBatch ahead() {
		return writes.memory(AheadOfBatch.MEMORY, () -> null);
	}

	/** Sends the inserts of the members enrolled in this micro-batch that are still deferred, if any. */
	void writeOutEnrolled() {
		AheadOfBatch ahead = ahead();
		if (ahead != null && ahead.enrolledWaiting()) {
			writes.writeOut();
		}
	}

	Member member(ResultSet rs, int row) throws SQLException {
		// Most members an event names have neither consents nor attributes: no JSON to parse for them.
		String consents = rs.getString("consents");
		String attributes = rs.getString("attributes");
		return new Member(rs.getString("id"), rs.getString("external_id"), rs.getString("email"),
				rs.getString("phone"), rs.getString("first_name"), rs.getString("last_name"),
				rs.getObject("birth_date", LocalDate.class), rs.getString("locale"),
				EMPTY.equals(consents) ? Map.of() : json.readValue(consents, CONSENTS),
				EMPTY.equals(attributes) ? json.createObjectNode() : json.readTree(attributes),
				rs.getObject("enrolled_at", OffsetDateTime.class).toInstant(),
				rs.getObject("updated_at", OffsetDateTime.class).toInstant(), rs.getString("merged_into"));
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}
}
