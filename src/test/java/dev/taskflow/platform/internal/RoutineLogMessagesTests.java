package dev.taskflow.platform.internal;

import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a context of its own: an application started in the JVM after the cached test context (several
 * tests start TaskFlow as a separate application) reconfigures Logback, which drops the turbo filters
 * registered before, so the cached context's filter may be gone. One application per JVM, as in
 * production, keeps it.
 */
@TaskFlowTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.BEFORE_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class RoutineLogMessagesTests {

	private static final Logger registry = LoggerFactory
		.getLogger("org.springframework.modulith.events.core.DefaultEventPublicationRegistry");

	@Test
	void theRegistrysRoutineSilenceIsNotLoggedAtInfoButItsNewsIs(CapturedOutput output) {
		registry.info("No stale publications of status {} found.", "PROCESSING");
		registry.info("Marking stale publications of status {} older than {} as failed:", "PROCESSING", "5m");

		assertThat(output.getAll()).doesNotContain("No stale publications")
			.contains("Marking stale publications of status PROCESSING");
	}
}
