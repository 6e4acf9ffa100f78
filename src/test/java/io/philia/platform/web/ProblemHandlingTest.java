package io.philia.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * A value the database cannot hold is the request's fault (400), a constraint it enforced a lost race
 * (409): Spring reports both as a {@code DataIntegrityViolationException}, the SQLSTATE tells them apart.
 */
class ProblemHandlingTest {

	private final ProblemHandling handling = new ProblemHandling();

	@ParameterizedTest
	@ValueSource(strings = { "22021", "22P05", "22008", "22003" })
	void aValueTheDatabaseCannotHoldIsA400(String sqlState) {
		var refused = new DataIntegrityViolationException("refused", new SQLException("refused", sqlState));

		ResponseEntity<ProblemDetail> answer = handling.answerTo(refused);

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
		assertThat(answer.getBody().getType().toString()).isEqualTo("urn:philia:problem:bad-request");
	}

	@Test
	void aValueRefusedInsideAJdbcBatchIsA400Too() {
		var batch = new BatchUpdateException("Batch entry 0 was aborted", "22021", new int[0]);
		batch.setNextException(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

		ResponseEntity<ProblemDetail> answer = handling.answerTo(new DataIntegrityViolationException("batch", batch));

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "23505", "23503", "40001" })
	void aConstraintTheDatabaseEnforcedStaysAConflict(String sqlState) {
		var lost = new DuplicateKeyException("duplicate", new SQLException("duplicate key value", sqlState));

		ResponseEntity<ProblemDetail> answer = handling.answerTo(lost);

		assertThat(answer.getStatusCode().value()).isEqualTo(409);
		assertThat(answer.getBody().getType().toString()).isEqualTo("urn:philia:problem:conflict");
	}
}
