package dev.taskflow.eventing.internal.dapr;

import java.util.ArrayList;
import java.util.List;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A sidecar that takes publishes in and does not answer (its broker stalled) holds the relay's threads
 * until the read time-out, but not the database connections: with a pool of two and three events waiting
 * on the sidecar, TaskFlow keeps answering, and once the sidecar answers again every event goes out.
 */
@DaprTest
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=2",
		"spring.datasource.hikari.connection-timeout=10000", "taskflow.dapr.read-timeout=60s" })
class StalledSidecarTests {

	private static final SidecarStandIn sidecar = DaprTest.SIDECAR;

	@Autowired
	MockMvc mvc;

	@AfterEach
	void sidecarBack() {
		sidecar.recover();
	}

	@Test
	void eventsWaitingOnTheSidecarLeaveTheConnectionsToRequests() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		sidecar.hangOnPublishes();

		List<Long> tasks = new ArrayList<>();
		for (String title : List.of("Water the plants", "Call mom", "Pay rent")) {
			tasks.add(ann.createTask(mvc, "{\"title\": \"" + title + "\"}"));
		}
		await().until(() -> tasks.stream().allMatch(task -> !taskEvents(task, SidecarStandIn.NO_ANSWER).isEmpty()));

		mvc.perform(ann.as(get("/api/tasks"))).andExpect(status().isOk());
		ann.createTask(mvc, "{\"title\": \"Buy milk\"}");

		sidecar.recover();
		await().until(() -> tasks.stream().allMatch(task -> !taskEvents(task, 204).isEmpty()));
	}

	private List<SidecarStandIn.Request> taskEvents(long task, int answeredWith) {
		return sidecar.publishes()
			.stream()
			.filter(request -> request.answeredWith() == answeredWith && request.path().endsWith("/task-events")
					&& ("metadata.partitionKey=" + task).equals(request.query()))
			.toList();
	}
}
