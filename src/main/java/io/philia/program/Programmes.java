package io.philia.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.platform.Ids;
import io.philia.platform.Money;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;
import io.philia.program.EarningRate.Rounding;

/** Opens and reads programmes and their stores. */
@Service
public class Programmes {

	/** Locales every screen and message exists in. */
	public static final List<String> LOCALES = List.of("fr", "en");

	private final JdbcClient jdbc;

	private final Clock clock;

	Programmes(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Programme open(NewProgramme request) {
		var violations = new Violations();
		String name = violations.requireText("name", request.name(), 200);
		String pointsName = request.pointsName() == null ? "points"
				: violations.requireText("pointsName", request.pointsName(), 60);
		ZoneId zone = violations.check("timeZone", () -> zone(request.timeZone()));
		String locale = violations.check("defaultLocale", () -> locale(request.defaultLocale()));
		violations.throwIfAny();

		var programme = new Programme(Ids.next(clock), name, pointsName, zone, locale, clock.instant());
		jdbc.sql("""
				insert into programme (id, name, points_name, time_zone, default_locale, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(programme.id(), name, pointsName, zone.getId(), locale, utc(programme.createdAt()))
			.update();
		return programme;
	}

	public Optional<Programme> find(String programId) {
		if (!Ids.isValid(programId)) {
			return Optional.empty();
		}
		return jdbc.sql("select * from programme where id = ?").param(programId).query(Programmes::programme).optional();
	}

	public Programme get(String programId) {
		return find(programId).orElseThrow(() -> new PhiliaException(ProgramProblems.PROGRAMME_NOT_FOUND,
				"No programme " + programId));
	}

	public List<Programme> all() {
		return jdbc.sql("select * from programme order by id").query(Programmes::programme).list();
	}

	@Transactional
	public Store openStore(String programId, NewStore request) {
		get(programId);
		var violations = new Violations();
		String code = violations.requireText("code", request.code(), 60);
		if (code != null && !code.matches("[a-z0-9][a-z0-9_-]*")) {
			violations.add("code", "must be lower-case letters, digits, '-' or '_'");
		}
		String name = violations.requireText("name", request.name(), 200);
		String currency = violations.check("currency", () -> Money.currency(request.currency()).getCurrencyCode());
		EarningRate earning = currency == null ? null : earning(violations, request.earning(), currency);
		violations.throwIfAny();
		if (jdbc.sql("select count(*) from store where program_id = ? and code = ?")
			.params(programId, code)
			.query(Long.class)
			.single() > 0) {
			throw new PhiliaException(ProgramProblems.STORE_CODE_TAKEN, "The programme already has a store '" + code + "'");
		}

		var store = new Store(Ids.next(clock), programId, code, name, currency, earning, clock.instant());
		jdbc.sql("""
				insert into store (id, program_id, code, name, currency, earn_points, earn_per_minor, earn_rounding, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(store.id(), programId, code, name, currency, earning.points(), earning.per().minor(),
					earning.rounding().name(), utc(store.createdAt()))
			.update();
		return store;
	}

	/** Changes a store's default earning rate; orders already paid keep what they earned. */
	@Transactional
	public Store changeEarning(String programId, String storeId, NewStore.EarningTerms terms) {
		Store store = store(programId, storeId);
		var violations = new Violations();
		EarningRate earning = earning(violations, terms, store.currency());
		violations.throwIfAny();
		jdbc.sql("update store set earn_points = ?, earn_per_minor = ?, earn_rounding = ? where program_id = ? and id = ?")
			.params(earning.points(), earning.per().minor(), earning.rounding().name(), programId, storeId)
			.update();
		return store(programId, storeId);
	}

	public Store store(String programId, String storeId) {
		Optional<Store> store = Ids.isValid(storeId)
				? jdbc.sql("select * from store where program_id = ? and id = ?")
					.params(programId, storeId)
					.query(Programmes::store)
					.optional()
				: Optional.empty();
		return store.orElseThrow(() -> new PhiliaException(ProgramProblems.STORE_NOT_FOUND,
				"No store " + storeId + " in programme " + programId));
	}

	public List<Store> stores(String programId) {
		return jdbc.sql("select * from store where program_id = ? order by id").param(programId).query(Programmes::store).list();
	}

	private static EarningRate earning(Violations violations, NewStore.EarningTerms terms, String currency) {
		if (terms == null) {
			violations.add("earning", "is required, for example {\"points\": 10, \"per\": \"15.00\", \"rounding\": \"steps\"}");
			return null;
		}
		if (terms.points() == null || terms.points() < 0) {
			violations.add("earning.points", "must be a whole number of points, zero or more");
		}
		Money per = violations.check("earning.per", () -> Money.of(terms.per(), currency));
		if (per != null && per.minor() <= 0) {
			violations.add("earning.per", "must be a positive amount");
		}
		Rounding rounding = violations.check("earning.rounding", () -> rounding(terms.rounding()));
		return violations.isEmpty() ? new EarningRate(terms.points(), per, rounding) : null;
	}

	private static Rounding rounding(String value) {
		if (value == null) {
			return Rounding.STEPS;
		}
		return switch (value) {
			case "steps" -> Rounding.STEPS;
			case "proportional" -> Rounding.PROPORTIONAL;
			default -> throw new IllegalArgumentException("must be \"steps\" or \"proportional\"");
		};
	}

	private static ZoneId zone(String value) {
		if (value == null) {
			throw new IllegalArgumentException("is required, for example Europe/Paris");
		}
		try {
			return ZoneId.of(value);
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("is not a known time zone (use an IANA name such as Europe/Paris)");
		}
	}

	private static String locale(String value) {
		if (value == null) {
			return "fr";
		}
		String locale = value.toLowerCase(Locale.ROOT);
		if (!LOCALES.contains(locale)) {
			throw new IllegalArgumentException("must be one of " + LOCALES);
		}
		return locale;
	}

	private static OffsetDateTime utc(java.time.Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Programme programme(ResultSet rs, int row) throws SQLException {
		return new Programme(rs.getString("id"), rs.getString("name"), rs.getString("points_name"),
				ZoneId.of(rs.getString("time_zone")), rs.getString("default_locale"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static Store store(ResultSet rs, int row) throws SQLException {
		String currency = rs.getString("currency");
		var earning = new EarningRate(rs.getLong("earn_points"), Money.ofMinor(rs.getLong("earn_per_minor"), currency),
				Rounding.valueOf(rs.getString("earn_rounding")));
		return new Store(rs.getString("id"), rs.getString("program_id"), rs.getString("code"), rs.getString("name"),
				currency, earning, rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}
}
