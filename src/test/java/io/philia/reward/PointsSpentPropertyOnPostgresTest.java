package io.philia.reward;

import io.philia.support.OnPostgres;

@OnPostgres
class PointsSpentPropertyOnPostgresTest extends PointsSpentPropertyContract {

	@Override
	int sequences() {
		return 50;
	}
}
