package dev.taskflow.assistant;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The Gemini engine against a local server speaking generateContent: function declarations go out,
 * a functionCall comes back and really changes the database, its functionResponse goes back beside
 * the model's own turn, and a refused key or garbage falls back to the offline engine.
 */
@TaskFlowTest
@Import(GeminiEngineTests.StubEndpoint.class)
@TestPropertySource(properties = { "taskflow.assistant.provider=gemini", "taskflow.assistant.gemini.api-key=gemini-test-key",
		"taskflow.assistant.gemini.model=gemini-test", "taskflow.assistant.timeout=2s" })
class GeminiEngineTests {

	@RegisterExtension
	static final ModelStub MODEL = new ModelStub();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TestConfiguration(proxyBeanMethods = false)
	static class StubEndpoint {

		@Bean
		DynamicPropertyRegistrar geminiStub() {
			return registry -> registry.add("taskflow.assistant.gemini.base-url", () -> MODEL.url("/v1beta"));
		}
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aFunctionCallRoundTripCompletesTheTaskTheModelFound() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = addTask(ann, "Buy milk");
		MODEL.answerJson(functionCall("list_tasks", Map.of("query", "milk")))
			.answerJson(functionCall("update_task", Map.of("task_id", id, "due", "tomorrow 5pm", "priority", "high")))
			.answerJson(text("Moved Buy milk to tomorrow at 5pm."));

		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);

		JsonNode reply = say(ann, "move buy milk to tomorrow 5pm, it's important");

		assertThat(reply.get("reply").asString()).isEqualTo("Moved Buy milk to tomorrow at 5pm.");
		assertThat(reply.get("actions").valueStream().map(a -> a.get("tool").asString()))
			.containsExactly("list_tasks", "update_task");
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
		assertThat(task.get("priority").asString()).isEqualTo("high");
		// the model passed words; the server read them in the user's zone (UTC), on the server's clock
		assertThat(task.get("due_at").asString()).satisfiesAnyOf(due -> assertThat(due).startsWith(tomorrow + "T17:00"),
				due -> assertThat(due).startsWith(LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T17:00"));

		List<ModelStub.Request> requests = MODEL.requests();
		assertThat(requests).hasSize(3);
		ModelStub.Request first = requests.get(0);
		assertThat(first.path()).isEqualTo("/v1beta/models/gemini-test:generateContent");
		assertThat(first.header("x-goog-api-key")).isEqualTo("gemini-test-key");
		JsonNode body = first.json();
		assertThat(body.get("systemInstruction").get("parts").get(0).get("text").asString()).contains("never work out dates");
		JsonNode declarations = body.get("tools").get(0).get("functionDeclarations");
		assertThat(declarations.valueStream().map(d -> d.get("name").asString()))
			.containsExactlyInAnyOrder("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
		assertThat(declarations.valueStream().map(d -> d.get("parameters")))
			.allSatisfy(parameters -> assertThat(parameters.has("additionalProperties")).isFalse());
		assertThat(body.get("contents").get(0).get("role").asString()).isEqualTo("user");
		assertThat(body.get("contents").get(0).get("parts").get(0).get("text").asString()).startsWith("move buy milk");

		JsonNode contents = requests.get(1).json().get("contents");
		assertThat(contents.get(1).get("role").asString()).isEqualTo("model");
		assertThat(contents.get(1).get("parts").get(0).get("functionCall").get("name").asString()).isEqualTo("list_tasks");
		assertThat(contents.get(1).get("parts").get(0).get("thoughtSignature").asString()).isEqualTo("sig-list_tasks");
		JsonNode response = contents.get(2).get("parts").get(0).get("functionResponse");
		assertThat(response.get("name").asString()).isEqualTo("list_tasks");
		assertThat(response.get("response").get("task_ids").get(0).asLong()).isEqualTo(id);
	}

	@Test
	void askedForEventsTheAnswerStreamsFromStreamGenerateContent() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		MODEL.answer(200, "text/event-stream", "data: " + functionCall("add_task", Map.of("title", "Plant bulbs", "due", "Saturday"))
				+ "\r\n\r\n")
			.answer(200, "text/event-stream", "data: " + text("Added Plant bulbs") + "\r\n\r\ndata: " + text(" for Saturday.")
					+ "\r\n\r\n");

		var started = mvc.perform(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.content(JSON.createObjectNode().put("message", "plant bulbs on saturday").toString()))
			.andReturn();
		String events = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		List<JsonNode> data = events.lines().filter(line -> line.startsWith("data:"))
			.map(line -> JSON.readTree(line.substring(5)))
			.toList();
		assertThat(data).hasSize(3);
		assertThat(data.get(0).get("text").asString()).isEqualTo("Added Plant bulbs");
		assertThat(data.get(1).get("text").asString()).isEqualTo(" for Saturday.");
		assertThat(data.get(2).get("reply").asString()).isEqualTo("Added Plant bulbs for Saturday.");
		assertThat(data.get(2).get("actions").get(0).get("tool").asString()).isEqualTo("add_task");
		assertThat(MODEL.requests()).extracting(ModelStub.Request::path)
			.containsOnly("/v1beta/models/gemini-test:streamGenerateContent");
		JsonNode response = MODEL.requests().get(1).json().get("contents").get(2).get("parts").get(0).get("functionResponse");
		assertThat(response.get("name").asString()).isEqualTo("add_task");
	}

	@Test
	void aRefusedKeyFallsBackToTheOfflineEngine() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		MODEL.answer(403, "application/json",
				"{\"error\":{\"code\":403,\"message\":\"API key not valid.\",\"status\":\"PERMISSION_DENIED\"}}");
		JsonNode reply = say(ann, "add Call mum tomorrow");
		assertThat(reply.get("reply").asString()).contains("Gemini (gemini-test) was unavailable").contains("API key");
		assertThat(reply.get("actions").get(0).get("tool").asString()).isEqualTo("add_task");
	}

	@Test
	void aBlockedOrEmptyAnswerFallsBackToo() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		MODEL.answerJson("{\"promptFeedback\":{\"blockReason\":\"SAFETY\"}}");
		JsonNode reply = say(ann, "what's due today?");
		assertThat(reply.get("reply").asString()).contains("was unavailable").contains("SAFETY");
		assertThat(reply.get("actions").get(0).get("tool").asString()).isEqualTo("list_tasks");
	}

	private static String functionCall(String name, Map<String, Object> args) {
		return JSON.writeValueAsString(Map.of("candidates", List.of(Map.of("finishReason", "STOP", "content",
				Map.of("role", "model", "parts", List.of(Map.of("functionCall", Map.of("name", name, "args", args),
						"thoughtSignature", "sig-" + name)))))));
	}

	private static String text(String text) {
		return JSON.writeValueAsString(Map.of("candidates", List.of(Map.of("finishReason", "STOP", "content",
				Map.of("role", "model", "parts", List.of(Map.of("text", text)))))));
	}

	private long addTask(TestUser user, String title) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("title", title)))).andExpect(status().isCreated()).andReturn())
			.get("id")
			.asLong();
	}

	private JsonNode say(TestUser user, String message) throws Exception {
		return json(mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.createObjectNode().put("message", message).toString())).andExpect(status().isOk()).andReturn());
	}
}
