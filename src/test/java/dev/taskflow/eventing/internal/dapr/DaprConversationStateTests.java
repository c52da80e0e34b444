package dev.taskflow.eventing.internal.dapr;

import java.util.List;

import dev.taskflow.support.Browser;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** In Dapr mode the assistant keeps conversations in the state store {@code taskflow-statestore}, not the database. */
@DaprTest
class DaprConversationStateTests {

	private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.springframework.test.web.servlet.assertj.MockMvcTester tester;

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
		String newer = say(ann, null, "hello").get("conversation_id").asString();
		String link = mvc.perform(ann.as(get("/api/chat").param("limit", "1")))
			.andExpect(jsonPath("$[0].id").value(newer))
			.andExpect(header().string("Link", org.hamcrest.Matchers.endsWith(">; rel=\"next\"")))
			.andReturn().getResponse().getHeader("Link");
		mvc.perform(ann.as(get(java.net.URI.create(link.substring(1, link.indexOf('>'))))))
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].id").value(id))
			.andExpect(header().doesNotExist("Link"));
		mvc.perform(ann.as(delete("/api/chat/" + newer))).andExpect(status().isNoContent());
		mvc.perform(bob.as(get("/api/chat/" + id))).andExpect(status().isNotFound());
		mvc.perform(bob.as(get("/api/chat"))).andExpect(jsonPath("$.length()").value(0));

		JsonNode confirmed = json(mvc.perform(ann.as(post("/api/chat/" + id + "/confirm"))).andExpect(status().isOk()).andReturn());
		assertThat(confirmed.get("actions").get(0).get("tool").asString()).isEqualTo("complete_task");

		mvc.perform(ann.as(delete("/api/chat/" + id))).andExpect(status().isNoContent());
		assertThat(DaprTest.SIDECAR.state()).doesNotContainKey(key);
		mvc.perform(ann.as(get("/api/chat/" + id))).andExpect(status().isNotFound());
	}

	@Test
	void theIndexIsSavedWithItsETagAndAConcurrentWriteIsNotLost() throws Exception {
		DaprTest.SIDECAR.recover();
		TestUser ann = TestUsers.signUp(mvc);
		String first = say(ann, null, "add Water the ferns").get("conversation_id").asString();
		String indexKey = "taskflow-statestore/assistant-conversations-" + ann.id();
		DaprTest.SIDECAR.forget();
		DaprTest.SIDECAR.conflictOnNextSaveOf(indexKey);

		String second = say(ann, null, "add Feed the cat").get("conversation_id").asString();

		List<SidecarStandIn.Request> indexSaves = DaprTest.SIDECAR.requests()
			.stream()
			.filter(request -> request.method().equals("POST") && request.body().contains("assistant-conversations-" + ann.id()))
			.toList();
		assertThat(indexSaves).extracting(SidecarStandIn.Request::answeredWith).contains(409).endsWith(204);
		JsonNode item = JSON.readTree(indexSaves.get(0).body()).get(0);
		assertThat(item.get("etag").asString()).isNotBlank();
		assertThat(item.get("options").get("concurrency").asString()).isEqualTo("first-write");
		mvc.perform(ann.as(get("/api/chat")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[*].id", org.hamcrest.Matchers.containsInAnyOrder(first, second)));
	}

	@Test
	void aTurnIsSavedWithTheConversationsETagAndAConcurrentTurnIsNotLost() throws Exception {
		DaprTest.SIDECAR.recover();
		TestUser ann = TestUsers.signUp(mvc);
		String id = say(ann, null, "add Water the ferns").get("conversation_id").asString();
		String key = "assistant-conversation-" + ann.id() + "-" + id;
		DaprTest.SIDECAR.forget();
		DaprTest.SIDECAR.conflictOnNextSaveOf("taskflow-statestore/" + key);

		say(ann, id, "list my tasks");

		List<SidecarStandIn.Request> saves = DaprTest.SIDECAR.requests()
			.stream()
			.filter(request -> request.method().equals("POST") && request.body().contains("\"" + key + "\""))
			.toList();
		assertThat(saves).extracting(SidecarStandIn.Request::answeredWith).contains(409).endsWith(204);
		assertThat(JSON.readTree(saves.get(0).body()).get(0).get("etag").asString()).isNotBlank();
		mvc.perform(ann.as(get("/api/chat/" + id))).andExpect(status().isOk()).andExpect(jsonPath("$.messages.length()").value(4));
	}

	@Test
	void withTheStateStoreUnreachableChatIsA503ProblemAndNothingIsDone() throws Exception {
		DaprTest.SIDECAR.recover();
		TestUser ann = TestUsers.signUp(mvc);
		String conversation = say(ann, null, "hello").get("conversation_id").asString();
		DaprTest.SIDECAR.becomeUnreachable();
		try {
			for (String body : List.of("{\"message\":\"add Unreachable errand\"}",
					"{\"conversation_id\":\"" + conversation + "\",\"message\":\"add Unreachable errand\"}")) {
				mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON).content(body))
					.andExpect(status().isServiceUnavailable())
					.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
					.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/unavailable"))
					.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("try again")))
					.andExpect(header().exists("Retry-After"));
			}
			mvc.perform(ann.as(get("/api/chat"))).andExpect(status().isServiceUnavailable());
			mvc.perform(ann.as(get("/api/chat/" + conversation))).andExpect(status().isServiceUnavailable());
		}
		finally {
			DaprTest.SIDECAR.recover();
		}
		JsonNode found = json(mvc.perform(ann.as(get("/api/tasks").param("q", "Unreachable errand"))).andReturn());
		assertThat(found.get("items")).isEmpty();
		mvc.perform(ann.as(get("/api/chat/" + conversation))).andExpect(status().isOk());
	}

	@Test
	void deletingTheAccountErasesItsConversationsFromTheStateStoreAndNoOneElses() throws Exception {
		DaprTest.SIDECAR.recover();
		TestUser bob = TestUsers.signUp(mvc);
		say(bob, null, "add Keep me");
		Browser ann = Browser.signedUp(tester);
		for (String message : List.of("add First chat", "add Second chat")) {
			mvc.perform(post("/api/chat").session(ann.session()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"message\":\"" + message + "\"}")).andExpect(status().isOk());
		}
		String annId = jdbc.sql("select id from users where email = :email").param("email", ann.email()).query(String.class).single();
		assertThat(DaprTest.SIDECAR.state().keySet().stream().filter(key -> key.contains(annId))).hasSize(3);

		assertThat(ann.post("/account/delete", "currentPassword", Browser.PASSWORD)).hasRedirectedUrl("/login?deleted");

		assertThat(DaprTest.SIDECAR.state().keySet()).noneMatch(key -> key.contains(annId));
		assertThat(DaprTest.SIDECAR.state().keySet()).anyMatch(key -> key.contains(bob.id()));
	}

	private JsonNode say(TestUser user, String conversationId, String message) throws Exception {
		String body = conversationId == null ? "{\"message\":\"" + message + "\"}"
				: "{\"conversation_id\":\"" + conversationId + "\",\"message\":\"" + message + "\"}";
		return json(mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andReturn());
	}
}
