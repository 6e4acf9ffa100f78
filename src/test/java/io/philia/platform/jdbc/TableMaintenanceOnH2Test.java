package io.philia.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.philia.platform.jdbc.TableMaintenanceSettings.Mode;

/** H2 has neither autovacuum nor PostgreSQL's statistics views: the job does nothing there, and does not fail. */
class TableMaintenanceOnH2Test {

	@Test
	void onH2APassDoesNothingEvenWhenAskedToAlwaysRun() {
		var dataSource = new DriverManagerDataSource("jdbc:h2:mem:maintenance;MODE=PostgreSQL", "sa", "");

		TableMaintenance.Pass pass = new TableMaintenance(dataSource, new TableMaintenanceSettings(Mode.ALWAYS, null, null, null)).run();

		assertThat(pass.analyzed()).isEmpty();
		assertThat(pass.vacuumed()).isEmpty();
	}
}
