package dev.taskflow.tasks.internal;

import java.time.Duration;
import java.time.Instant;

import dev.taskflow.platform.SqlTime;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static dev.taskflow.support.TestUsers.json;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The trash keeps deleted tasks for the retention window, then the purge removes them for good. */
@TaskFlowTest
class TrashPurgeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TrashPurge purge;

	@Autowired
	TasksProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTaskDeletedLongerAgoThanTheRetentionIsPurgedAndCannotBeRestored() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long old = deletedTask(ann, "Deleted long ago");
		long recent = deletedTask(ann, "Deleted just now");
		jdbc.sql("update tasks set deleted_at = :when where id = :id")
			.param("when", SqlTime.utc(Instant.now().minus(properties.deletedRetention()).minus(Duration.ofHours(1))))
			.param("id", old)
			.update();

		purge.purge();

		mvc.perform(ann.as(post("/api/tasks/" + old + "/restore"))).andExpect(status().isNotFound());
		mvc.perform(ann.as(post("/api/tasks/" + recent + "/restore"))).andExpect(status().isOk());
	}

	private long deletedTask(TestUser user, String title) throws Exception {
		long id = json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + title + "\"}")).andExpect(status().isCreated()).andReturn()).get("id").asLong();
		mvc.perform(user.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());
		return id;
	}
}
