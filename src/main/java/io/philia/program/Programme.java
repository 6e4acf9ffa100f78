package io.philia.program;

import java.time.Instant;
import java.time.ZoneId;

/** A loyalty programme: the tenant. Its time zone decides calendar rules; its locale, default texts. */
public record Programme(String id, String name, String pointsName, ZoneId timeZone, String defaultLocale,
		Instant createdAt) {
}
