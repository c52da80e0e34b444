package dev.taskflow.eventing.internal.dapr;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** In Dapr mode the assistant keeps conversations in the state store {@code taskflow-statestore}, not the database. */
@DaprTest
class DaprConversationStateTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void conversationsLiveInTheDaprStateStore() throws Exception {
		DaprTest.SIDECAR.recover();
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		String id = say(ann, null, "add Renew passport").get("conversation_id").asString();
		say(ann, id, "mark renew passport as done");

		String key = "taskflow-statestore/assistant-conversation-" + ann.id() + "-" + id;
		assertThat(DaprTest.SIDECAR.state()).containsKey(key);
		assertThat(DaprTest.SIDECAR.state().get(key)).contains("Renew passport");
		assertThat(DaprTest.SIDECAR.requests()).anySatisfy(request -> {
			assertThat(request.path()).isEqualTo("/v1.0/state/taskflow-statestore");
			assertThat(request.header("dapr-api-token")).isEqualTo(DaprTest.DAPR_API_TOKEN);
		});
		assertThat(jdbc.sql("select count(*) from assistant_conversations").query(Long.class).single()).isZero();

		mvc.perform(ann.as(get("/api/chat/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages.length()").value(4))
			.andExpect(jsonPath("$.pending.kind").value("confirm"));
		mvc.perform(ann.as(get("/api/chat"))).andExpect(jsonPath("$[0].id").value(id));
		mvc.perform(bob.as(get("/api/chat/" + id))).andExpect(status().isNotFound());
		mvc.perform(bob.as(get("/api/chat"))).andExpect(jsonPath("$.length()").value(0));

		JsonNode confirmed = json(mvc.perform(ann.as(post("/api/chat/" + id + "/confirm"))).andExpect(status().isOk()).andReturn());
		assertThat(confirmed.get("actions").get(0).get("tool").asString()).isEqualTo("complete_task");

		mvc.perform(ann.as(delete("/api/chat/" + id))).andExpect(status().isNoContent());
		assertThat(DaprTest.SIDECAR.state()).doesNotContainKey(key);
		mvc.perform(ann.as(get("/api/chat/" + id))).andExpect(status().isNotFound());
	}

	private JsonNode say(TestUser user, String conversationId, String message) throws Exception {
		String body = conversationId == null ? "{\"message\":\"" + message + "\"}"
				: "{\"conversation_id\":\"" + conversationId + "\",\"message\":\"" + message + "\"}";
		return json(mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andReturn());
	}
}
