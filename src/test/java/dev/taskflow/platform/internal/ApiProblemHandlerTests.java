package dev.taskflow.platform.internal;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** The handler's answers to exceptions no test reaches easily through a request. */
@ExtendWith(OutputCaptureExtension.class)
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

	/** H2's lock time-out names the locked row with all its columns: the account's e-mail and password hash. */
	@Test
	void aLockTimeOutIsLoggedWithoutTheRowTheDatabaseNamed(CapturedOutput output) {
		SQLException h2 = new SQLException("Timeout trying to lock table: Map entry <table.90> with key <2> and value "
				+ "( /* key:2 */ UUID 'c3dc', 'someone@example.com', '{bcrypt}$2a$10$eLW7cWSPvq3v8aB3Xp2Zw', 'UTC')",
				"HYT00", 50200);

		ResponseEntity<ProblemDetail> answer = handler.busy(new PessimisticLockingFailureException("lock", h2), request);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		assertThat(output.getAll()).contains("POST /api/tasks waited too long for a lock (SQLSTATE HYT00, error 50200)")
			.doesNotContain("someone@example.com")
			.doesNotContain("bcrypt");
	}
}
