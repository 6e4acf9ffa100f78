package io.philia.program;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.philia.platform.Ids;
import io.philia.platform.Money;
import io.philia.platform.PhiliaException;
import io.philia.platform.Violations;
import io.philia.program.EarningRate.Rounding;
import tools.jackson.databind.JsonNode;

/** Opens and reads programmes and their stores. */
@Service
public class Programmes {

	/** Locales every screen and message exists in. */
	public static final List<String> LOCALES = List.of("fr", "en");

	/** A store with its programme's lifecycle settings: the hot path reads both in one query. */
	private static final String STORE_WITH_TERMS = """
			select s.*, p.time_zone, p.return_window_days as p_window_days, p.return_window_from as p_window_from,
			  p.return_window_fulfilled_within as p_window_within,
			  p.expiry_policy, p.expiry_months, p.expiry_date, p.expiry_years_after, p.debt_limit
			from store s join programme p on p.id = s.program_id""";

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Programmes' time zones: read once, since a programme's zone never changes ({@link #change} refuses it). */
	private final Map<String, ZoneId> zones = new ConcurrentHashMap<>();

	/** How long a default locale read is used: a programme may change it, on this node or another. */
	private static final Duration LOCALE_RECHECK = Duration.ofSeconds(5);

	private final Map<String, RecentLocale> locales = new ConcurrentHashMap<>();

	private record RecentLocale(String locale, Instant at) {
	}

	private final RecentStores recentStores;

	Programmes(JdbcClient jdbc, Clock clock, ProgramSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.recentStores = new RecentStores(clock, settings.storeRecheck());
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

		var programme = new Programme(Ids.next(clock), name, pointsName, zone, locale, clock.instant(),
				ProgrammeSettings.DEFAULTS);
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
		return jdbc.sql("select * from programme where id = ?").param(programId).query(ProgrammeRows::programme).optional();
	}

	/** The programme's time zone, without a query after the first: balance reads and checkouts need it. */
	public ZoneId timeZone(String programId) {
		return zones.computeIfAbsent(programId, id -> get(id).timeZone());
	}

	/**
	 * The programme's default locale (what a member is told in when nothing else says), read again once the
	 * last read is {@link #LOCALE_RECHECK} old: checkout validations need it, and need no query for it.
	 */
	public String defaultLocale(String programId) {
		Instant now = clock.instant();
		RecentLocale recent = locales.get(programId);
		if (recent == null || !now.isBefore(recent.at().plus(LOCALE_RECHECK))) {
			recent = new RecentLocale(get(programId).defaultLocale(), now);
			locales.put(programId, recent);
		}
		return recent.locale();
	}

	/** The terms of points a programme gives outside any store (bonuses, adjustments, restores). */
	public PointsTerms terms(String programId) {
		return get(programId).terms();
	}

	/**
	 * Changes a programme as a JSON merge patch: its name, points name, default locale and points
	 * lifecycle settings. A lifecycle setting applies to points earned from then on; points already
	 * earned keep the expiry date they were given.
	 */
	@Transactional
	public Programme change(String programId, JsonNode patch) {
		Programme current = get(programId);
		var v = new Violations();
		SettingsPatch.requireObject(v, patch, SettingsPatch.PROGRAMME_FIELDS);
		if (patch.has("timeZone") && !patch.get("timeZone").asString("").equals(current.timeZone().getId())) {
			v.add("timeZone", "cannot be changed: expiry dates, limits and calendar rules already follow it");
		}
		String name = patch.has("name") ? v.requireText("name", patch.get("name").asString(null), 200) : current.name();
		String pointsName = patch.has("pointsName") ? v.requireText("pointsName", patch.get("pointsName").asString(null), 60)
				: current.pointsName();
		String locale = patch.has("defaultLocale")
				? v.check("defaultLocale", () -> locale(patch.get("defaultLocale").asString(null)))
				: current.defaultLocale();
		ProgrammeSettings settings = SettingsPatch.apply(v, current.settings(), patch);
		v.throwIfAny();
		TransferLimits t = settings.transfers();
		jdbc.sql("""
				update programme set name = ?, points_name = ?, default_locale = ?, return_window_days = ?,
				  return_window_from = ?, return_window_fulfilled_within = ?, expiry_policy = ?, expiry_months = ?, expiry_date = ?, expiry_years_after = ?,
				  debt_limit = ?, cost_per_point = ?, cost_currency = ?, transfers_enabled = ?, transfer_max_points = ?,
				  transfer_max_sent_month = ?, transfer_max_received_month = ?
				where id = ?""")
			.params(name, pointsName, locale, ProgrammeRows.windowDays(settings.returnWindow()), ProgrammeRows.windowFrom(settings.returnWindow()),
					ProgrammeRows.windowWithin(settings.returnWindow()),
					settings.expiry().policy(), settings.expiry().months(), settings.expiry().date(),
					settings.expiry().yearsAfter(), settings.debt().allowedDebt(),
					settings.costPerPoint() == null ? null : settings.costPerPoint().amount(),
					settings.costPerPoint() == null ? null : settings.costPerPoint().currency(), t.enabled(),
					t.maxPoints(), t.maxSentPerMonth(), t.maxReceivedPerMonth(), programId)
			.update();
		locales.remove(programId);
		recentStores.forget(programId);
		return get(programId);
	}

	/** Changes a store as a JSON merge patch: its name and its own return window (null: the programme's). */
	@Transactional
	public Store changeStore(String programId, String storeId, JsonNode patch) {
		Store current = store(programId, storeId);
		var v = new Violations();
		SettingsPatch.requireObject(v, patch, SettingsPatch.STORE_FIELDS);
		String name = patch.has("name") ? v.requireText("name", patch.get("name").asString(null), 200) : current.name();
		ReturnWindow window = SettingsPatch.storeWindow(v, current.returnWindow(), patch);
		v.throwIfAny();
		jdbc.sql("""
				update store set name = ?, return_window_days = ?, return_window_from = ?, return_window_fulfilled_within = ?
				where program_id = ? and id = ?""")
			.params(name, ProgrammeRows.windowDays(window), ProgrammeRows.windowFrom(window),
					ProgrammeRows.windowWithin(window), programId, storeId)
			.update();
		recentStores.forget(programId);
		return store(programId, storeId);
	}

	public Programme get(String programId) {
		return find(programId).orElseThrow(() -> new PhiliaException(ProgramProblems.PROGRAMME_NOT_FOUND,
				"No programme " + programId));
	}

	public List<Programme> all() {
		return jdbc.sql("select * from programme order by id").query(ProgrammeRows::programme).list();
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
		recentStores.forget(programId);
		return store(programId, storeId);
	}

	public Store store(String programId, String storeId) {
		Optional<Store> store = Ids.isValid(storeId)
				? jdbc.sql(STORE_WITH_TERMS + " where s.program_id = ? and s.id = ?")
					.params(programId, storeId)
					.query(ProgrammeRows::store)
					.optional()
				: Optional.empty();
		return store.orElseThrow(() -> new PhiliaException(ProgramProblems.STORE_NOT_FOUND,
				"No store " + storeId + " in programme " + programId));
	}

	/**
	 * The store as read at most {@link ProgramSettings#storeRecheck()} ago, without a query on most calls:
	 * what an event needs. A change on this node applies at once, one on another node within that time.
	 */
	public Store recentStore(String programId, String storeId) {
		return recentStores.get(programId, storeId, () -> store(programId, storeId));
	}

	public List<Store> stores(String programId) {
		return jdbc.sql(STORE_WITH_TERMS + " where s.program_id = ? order by s.id")
			.param(programId)
			.query(ProgrammeRows::store)
			.list();
	}

	/** Points per step of a store's rate: generous (a step may be 0.01), and far from overflowing a sum. */
	private static final long MAX_RATE_POINTS = 1_000_000;

	private static EarningRate earning(Violations violations, NewStore.EarningTerms terms, String currency) {
		if (terms == null) {
			violations.add("earning", "is required, for example {\"points\": 10, \"per\": \"15.00\", \"rounding\": \"steps\"}");
			return null;
		}
		if (terms.points() == null || terms.points() < 0 || terms.points() > MAX_RATE_POINTS) {
			violations.add("earning.points", "must be a whole number of points from 0 to " + MAX_RATE_POINTS);
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
}
