package io.philia.platform.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@link TableMaintenance}.
 *
 * @param maintenance {@code auto}: analyze and vacuum Philia's tables when the PostgreSQL server's
 * autovacuum is off, and whatever it is, analyze a table whose statistics do not know a programme with
 * many rows in it; {@code always}: both, autovacuum or not; {@code never}: neither (YAML reads a bare on
 * and off as booleans, hence the names)
 * @param maintenanceEvery how often the tables' counters are looked at
 * @param maintenanceNaptime the least time between two analyzes (or two vacuums) of a table, as autovacuum
 * visits a database once per {@code autovacuum_naptime} (1 min); except for a table in which more rows
 * changed than a quarter of those its statistics count (or more died than it counts), whose plans may be
 * those of a much smaller table, or of one without the programme now writing to it
 * @param maintenanceCostDelay how long the pass's VACUUM and ANALYZE sleep each time they have read about 200
 * pages ({@code vacuum_cost_delay}, at most 100 ms): 20 ms, autovacuum's own before PostgreSQL 12, stretched
 * the bench's analyzes from 0.1-1.3 s to 5-16 s each (unthrottled, a manual ANALYZE takes a whole core)
 */
@ConfigurationProperties("philia.postgres")
public record TableMaintenanceSettings(Mode maintenance, Duration maintenanceEvery, Duration maintenanceNaptime,
		Duration maintenanceCostDelay) {

	public enum Mode {
		AUTO, ALWAYS, NEVER
	}

	public TableMaintenanceSettings {
		maintenance = maintenance == null ? Mode.AUTO : maintenance;
		maintenanceEvery = maintenanceEvery == null ? Duration.ofSeconds(10) : maintenanceEvery;
		maintenanceNaptime = maintenanceNaptime == null ? Duration.ofMinutes(1) : maintenanceNaptime;
		maintenanceCostDelay = maintenanceCostDelay == null ? Duration.ofMillis(20) : maintenanceCostDelay;
		if (maintenanceEvery.isNegative() || maintenanceEvery.isZero()) {
			throw new IllegalArgumentException("philia.postgres.maintenance-every must be positive");
		}
		if (maintenanceNaptime.isNegative()) {
			throw new IllegalArgumentException("philia.postgres.maintenance-naptime must not be negative");
		}
		if (maintenanceCostDelay.isNegative() || maintenanceCostDelay.toMillis() > 100) {
			throw new IllegalArgumentException("philia.postgres.maintenance-cost-delay must be from 0 to 100ms");
		}
	}
}
