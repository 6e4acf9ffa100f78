package io.philia.program;

/**
 * What it takes to open a programme.
 *
 * @param name shown to marketers and members
 * @param pointsName what the programme calls its points ("points", "Stars", "Grains")
 * @param timeZone an IANA zone such as Europe/Paris; midnight releases and expiry dates follow it
 * @param defaultLocale fr or en
 */
public record NewProgramme(String name, String pointsName, String timeZone, String defaultLocale) {
}
