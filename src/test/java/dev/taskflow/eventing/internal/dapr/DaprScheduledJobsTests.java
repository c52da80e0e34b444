package dev.taskflow.eventing.internal.dapr;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.taskflow.eventing.ScheduledJobs.Unavailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Jobs API client on its own against a stand-in sidecar, which refuses jobs with 404 as a sidecar without a Scheduler does. */
class DaprScheduledJobsTests {

	private final SidecarStandIn sidecar = new SidecarStandIn();

	@AfterEach
	void stopSidecar() {
		sidecar.close();
	}

	@Test
	void aLongErrorBodyIsQuotedUpToWholeCharactersAndSaysItWasCut() {
		// the 300th byte is the first of the two that make "é": cutting the bytes there quoted a broken "\uFFFD"
		sidecar.answerErrorsWithBody("x".repeat(299) + "é, and the rest of a long complaint");

		assertThatThrownBy(() -> jobs().schedule("reminder-42", Instant.parse("2030-01-01T09:00:00Z"), Map.of()))
			.isInstanceOf(Unavailable.class)
			.hasMessageEndingWith("HTTP 404 " + "x".repeat(299) + "é…")
			.hasMessageNotContaining("\uFFFD");
	}

	private DaprScheduledJobs jobs() {
		DaprProperties properties = new DaprProperties(URI.create(sidecar.endpoint()), null, null, null, null, null,
				null, null, Duration.ofSeconds(5), Duration.ofSeconds(10));
		return new DaprScheduledJobs(new DaprSidecar(properties), JsonMapper.builder().build());
	}
}
