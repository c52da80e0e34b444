package dev.taskflow.tasks;

import java.util.List;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Deleted tasks go to the trash and come back with {@code POST /api/tasks/{id}/restore}. */
@TaskFlowTest
class RestoreApiTests {

	@Autowired
	MockMvc mvc;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void aRestoredTaskComesBackWithItsIdTagsRemindersAndTheNextVersion() throws Exception {
		JsonNode created = create(ann, """
				{"title": "Renew passport", "tags": ["admin"], "due_at": "2030-03-01",
				 "reminders": [{"before": "P1D"}]}""");
		long id = created.get("id").asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isNotFound());
		assertThat(titles(ann)).doesNotContain("Renew passport");

		JsonNode restored = json(mvc.perform(ann.as(post("/api/tasks/" + id + "/restore")))
			.andExpect(status().isOk())
			.andExpect(header().exists("ETag"))
			.andReturn());

		assertThat(restored.get("id").asLong()).isEqualTo(id);
		assertThat(restored.get("tags").get(0).asString()).isEqualTo("admin");
		assertThat(restored.at("/reminders/0/before").asString()).isEqualTo("P1D");
		assertThat(restored.get("version").asInt()).as("created 1, deleted 2, restored 3").isEqualTo(3);
		assertThat(titles(ann)).contains("Renew passport");
	}

	@Test
	void theHistoryRecordsTheDeletionAndTheRestore() throws Exception {
		long id = create(ann, "{\"title\": \"Water plants\"}").get("id").asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());
		mvc.perform(ann.as(post("/api/tasks/" + id + "/restore"))).andExpect(status().isOk());

		await().untilAsserted(() -> assertThat(historyTypes(id)).containsExactly("task.created", "task.deleted",
				"task.restored"));
	}

	@Test
	void restoringTwiceIsHarmlessAndALiveTaskComesBackUnchanged() throws Exception {
		long id = create(ann, "{\"title\": \"Call Bob\"}").get("id").asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());
		mvc.perform(ann.as(post("/api/tasks/" + id + "/restore"))).andExpect(jsonPath("$.version").value(3));

		mvc.perform(ann.as(post("/api/tasks/" + id + "/restore")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(3));
	}

	@Test
	void anotherUsersDeletedTaskCannotBeRestoredAndStaysDeleted() throws Exception {
		TestUser bob = TestUsers.signUp(mvc);
		long id = create(ann, "{\"title\": \"Ann's secret\"}").get("id").asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());

		mvc.perform(bob.as(post("/api/tasks/" + id + "/restore")))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/not-found"));
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void restoringATaskThatNeverExistedIsNotFound() throws Exception {
		mvc.perform(ann.as(post("/api/tasks/987654321/restore")))
			.andExpect(status().isNotFound())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")));
	}

	@Test
	void aDeletedTaskCannotBeChangedUntilItIsRestored() throws Exception {
		long id = create(ann, "{\"title\": \"Old\"}").get("id").asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());

		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isNotFound());
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNotFound());
	}

	private JsonNode create(TestUser user, String body) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private List<String> titles(TestUser user) throws Exception {
		JsonNode page = json(mvc.perform(user.as(get("/api/tasks"))).andExpect(status().isOk()).andReturn());
		return page.get("items").valueStream().map(item -> item.get("title").asString()).toList();
	}

	private List<String> historyTypes(long id) throws Exception {
		JsonNode history = json(mvc.perform(ann.as(get("/api/tasks/" + id + "/history"))).andReturn());
		return history.valueStream().map(entry -> entry.get("event_type").asString()).toList();
	}
}
