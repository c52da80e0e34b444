package dev.taskflow.eventing.internal.dapr;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import org.springframework.test.json.JsonCompareMode;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A front deployment ({@code TASKFLOW_ROLES=api,web}) consumes nothing, so it subscribes to nothing. */
@DaprTest
@TestPropertySource(properties = "taskflow.eventing.roles=api")
class DaprRolesTests {

	@Autowired
	MockMvc mvc;

	@Test
	void aProcessWithoutConsumerRolesSubscribesToNoTopic() throws Exception {
		mvc.perform(get("/dapr/subscribe").header("dapr-api-token", DaprTest.APP_API_TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().json("[]", JsonCompareMode.STRICT));
	}

	@Test
	void anEventForAConsumerThatRunsElsewhereIsDropped() throws Exception {
		mvc.perform(post("/dapr/task-events").header("dapr-api-token", DaprTest.APP_API_TOKEN)
			.contentType("application/cloudevents+json")
			.content("""
					{"specversion": "1.0", "id": "0d6c1e4e-8f0b-4d8a-9a51-2b1f5a9f6c11", "source": "/taskflow/tasks",
					 "type": "task.created", "time": "2026-11-22T10:00:00Z", "data": {}}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DROP"));
	}
}
