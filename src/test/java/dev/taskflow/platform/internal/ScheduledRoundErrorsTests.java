package dev.taskflow.platform.internal;

import java.sql.SQLTransientConnectionException;
import java.time.Instant;

import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.scheduling.TaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A database outage in a scheduled round (Spring Modulith's staleness check among them) is one line. */
@TaskFlowTest
@ExtendWith(OutputCaptureExtension.class)
class ScheduledRoundErrorsTests {

	@Autowired
	TaskScheduler scheduler;

	@Test
	void aRoundThatCannotReachTheDatabaseIsOneLineWithoutAStackTrace(CapturedOutput output) {
		scheduler.schedule(() -> {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
					new SQLTransientConnectionException("HikariPool-9 - Connection is not available, request timed out"));
		}, Instant.now());

		await().until(() -> output.getAll().contains("HikariPool-9"));
		String logged = output.getAll().substring(output.getAll().indexOf("A scheduled round could not reach the database"));
		assertThat(logged.lines().findFirst().orElseThrow()).endsWith("HikariPool-9 - Connection is not available, request timed out");
		assertThat(logged).doesNotContain("CannotGetJdbcConnectionException").doesNotContain("Unexpected error occurred");
	}

	@Test
	void anyOtherFailureKeepsItsStackTrace(CapturedOutput output) {
		scheduler.schedule(() -> {
			throw new IllegalStateException("a bug of ours, number 7");
		}, Instant.now());

		await().until(() -> output.getAll().contains("a bug of ours, number 7"));
		String logged = output.getAll().substring(output.getAll().indexOf("A scheduled round failed"));
		assertThat(logged).contains("java.lang.IllegalStateException: a bug of ours, number 7").contains("\tat ");
	}
}
