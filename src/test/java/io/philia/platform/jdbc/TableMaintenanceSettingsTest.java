package io.philia.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.philia.platform.jdbc.TableMaintenanceSettings.Mode;

/** The maintenance settings an operator may give, and those refused at start with the property's name. */
class TableMaintenanceSettingsTest {

	@Test
	void defaultsAreAutovacuumsNaptimeAndItsFormerCostDelay() {
		var settings = new TableMaintenanceSettings(null, null, null, null);

		assertThat(settings.maintenance()).isEqualTo(Mode.AUTO);
		assertThat(settings.maintenanceEvery()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.maintenanceNaptime()).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.maintenanceCostDelay()).isEqualTo(Duration.ofMillis(20));
	}

	@Test
	void aNegativeNaptimeOrACostDelayPostgresqlRefusesIsRefusedAtStart() {
		assertThatThrownBy(() -> new TableMaintenanceSettings(null, null, Duration.ofSeconds(-1), null))
			.hasMessageContaining("philia.postgres.maintenance-naptime");
		assertThatThrownBy(() -> new TableMaintenanceSettings(null, null, null, Duration.ofMillis(101)))
			.hasMessageContaining("philia.postgres.maintenance-cost-delay");
		assertThatThrownBy(() -> new TableMaintenanceSettings(null, null, null, Duration.ofMillis(-1)))
			.hasMessageContaining("philia.postgres.maintenance-cost-delay");
		assertThat(new TableMaintenanceSettings(null, null, Duration.ZERO, Duration.ofMillis(100)).maintenanceCostDelay())
			.isEqualTo(Duration.ofMillis(100));
	}
}
