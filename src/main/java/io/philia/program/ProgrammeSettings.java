package io.philia.program;

/**
 * A programme's points lifecycle: the default return window of its stores (absent: points are available
 * at once), the expiry policy, the debt policy, the cost of a point for the liability report (absent: the
 * report gives points only) and transfers between members.
 */
public record ProgrammeSettings(ReturnWindow returnWindow, ExpiryPolicy expiry, DebtPolicy debt,
		CostPerPoint costPerPoint, TransferLimits transfers) {

	public static final ProgrammeSettings DEFAULTS = new ProgrammeSettings(null, ExpiryPolicy.NONE, DebtPolicy.NONE,
			null, TransferLimits.DISABLED);
}
