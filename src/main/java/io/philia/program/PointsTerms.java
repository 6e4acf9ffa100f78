package io.philia.program;

import java.time.ZoneId;

/**
 * The terms an earning follows, as the ledger needs them: the programme's time zone and policies, with
 * the return window of the store it was earned in (null: available at once).
 */
public record PointsTerms(ZoneId zone, ReturnWindow returnWindow, ExpiryPolicy expiry, DebtPolicy debt) {
}
