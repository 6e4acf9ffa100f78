package io.philia.platform.jdbc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@link TableMaintenance}.
 *
 * @param maintenance {@code auto}: analyze and vacuum Philia's tables when the PostgreSQL server's
 * autovacuum is off; {@code always}; {@code never} (YAML reads a bare on and off as booleans, hence the names)
 * @param maintenanceEvery how often the tables' counters are looked at
 */
@ConfigurationProperties("philia.postgres")
public record TableMaintenanceSettings(Mode maintenance, Duration maintenanceEvery) {

	public enum Mode {
		AUTO, ALWAYS, NEVER
	}

	public TableMaintenanceSettings {
		maintenance = maintenance == null ? Mode.AUTO : maintenance;
		maintenanceEvery = maintenanceEvery == null ? Duration.ofSeconds(10) : maintenanceEvery;
		if (maintenanceEvery.isNegative() || maintenanceEvery.isZero()) {
			throw new IllegalArgumentException("philia.postgres.maintenance-every must be positive");
		}
	}
}
