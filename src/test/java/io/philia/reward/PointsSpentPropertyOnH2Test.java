package io.philia.reward;

import io.philia.support.OnH2;

@OnH2
class PointsSpentPropertyOnH2Test extends PointsSpentPropertyContract {

	@Override
	int sequences() {
		return 60;
	}
}
