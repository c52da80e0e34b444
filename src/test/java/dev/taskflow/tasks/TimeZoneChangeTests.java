package dev.taskflow.tasks;

import java.util.UUID;

import dev.taskflow.support.HeldTransaction;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** TimeZoneChangeContract on the embedded H2 database. */
@TaskFlowTest
class TimeZoneChangeTests extends TimeZoneChangeContract {

	/**
	 * H2 waits two seconds for a lock (PostgreSQL as long as it takes): a write that waited that long for a
	 * zone change saved nothing and is told to try again, rather than that something went wrong on our side.
	 */
	@Test
	void aWriteThatWaitedTooLongForAZoneChangeIsToldToTryAgain() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "UTC");
		try (HeldTransaction change = HeldTransaction.start(transactions, dataSource,
				() -> accounts.changeTimeZone(UUID.fromString(ann.id()), "America/Los_Angeles"))) {
			mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Pack\"}"))
				.andExpect(status().isServiceUnavailable())
				.andExpect(header().string("Retry-After", "2"))
				.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/unavailable"))
				.andExpect(jsonPath("$.detail").value(
						"Another change to your account is still being saved (an import, a new time zone …); nothing was saved. "
								+ "Try again in a moment."));
		}
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Pack\"}"))
			.andExpect(status().isCreated());
	}
}
