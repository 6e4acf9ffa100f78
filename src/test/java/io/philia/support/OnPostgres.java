package io.philia.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.test.context.ActiveProfiles;

/**
 * Runs a contract test on the PostgreSQL server named by PHILIA_TEST_PG_URL. Tagged so that
 * {@code ./philia test} leaves it out and {@code ./philia test postgres} (and CI) runs it; it is never
 * skipped there: no server is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ActiveProfiles("pg")
@Tag("postgres")
public @interface OnPostgres {
}
