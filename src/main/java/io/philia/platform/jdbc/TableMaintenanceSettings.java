package io.philia.platform.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@link TableMaintenance}.
 *
 * @param maintenance {@code auto}: analyze and vacuum Philia's tables when the PostgreSQL server's
 * autovacuum is off; {@code always}; {@code never} (YAML reads a bare on and off as booleans, hence the names)
 * @param maintenanceEvery how often the tables' counters are looked at
 * @param maintenanceNaptime the least time between two analyzes (or two vacuums) of a table, as autovacuum
 * visits a database once per {@code autovacuum_naptime} (1 min); except for a table in which more rows
 * changed (or died) than its statistics count, whose plans may be those of a much smaller table
 */
@ConfigurationProperties("philia.postgres")
public record TableMaintenanceSettings(Mode maintenance, Duration maintenanceEvery, Duration maintenanceNaptime) {

	public enum Mode {
		AUTO, ALWAYS, NEVER
	}

	public TableMaintenanceSettings {
		maintenance = maintenance == null ? Mode.AUTO : maintenance;
		maintenanceEvery = maintenanceEvery == null ? Duration.ofSeconds(10) : maintenanceEvery;
		maintenanceNaptime = maintenanceNaptime == null ? Duration.ofMinutes(1) : maintenanceNaptime;
		if (maintenanceEvery.isNegative() || maintenanceEvery.isZero()) {
			throw new IllegalArgumentException("philia.postgres.maintenance-every must be positive");
		}
		if (maintenanceNaptime.isNegative()) {
			throw new IllegalArgumentException("philia.postgres.maintenance-naptime must not be negative");
		}
	}
}
