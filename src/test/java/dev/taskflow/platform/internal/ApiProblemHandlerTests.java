package dev.taskflow.platform.internal;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The last-resort handler, for exceptions no test reaches through a request. */
class ApiProblemHandlerTests {

	private final ApiProblemHandler handler = new ApiProblemHandler();

	private final MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/tasks");

	@Test
	void aDatabaseErrorWithoutASqlStateIsAnOrdinaryServerErrorNotAFailureOfTheHandler() throws Exception {
		ResponseEntity<ProblemDetail> answer = handler.unexpected(
				new DataIntegrityViolationException("refused", new SQLException("no state given")), request);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
	}

	@Test
	void aCharacterTheDatabaseCannotStoreIsTheClientsMistake() throws Exception {
		ResponseEntity<ProblemDetail> answer = handler.unexpected(
				new DataIntegrityViolationException("refused", new SQLException("invalid byte sequence", "22021")), request);

		assertThat(answer.getStatusCode().value()).isEqualTo(400);
	}
}
