package dev.taskflow.assistant;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * The OpenAI-compatible engine against a local server speaking the chat completions wire format:
 * tool calls really change the database, the acting user is the signed-in one whatever the model
 * says, and every way the model can fail falls back to the offline engine.
 */
@TaskFlowTest
@Import(OpenAiEngineTests.StubEndpoint.class)
@TestPropertySource(properties = { "taskflow.assistant.provider=openai", "taskflow.assistant.openai.api-key=sk-test-key",
		"taskflow.assistant.openai.model=test-model", "taskflow.assistant.timeout=2s",
		"taskflow.assistant.model-calls-per-day=4" })
class OpenAiEngineTests {

	@RegisterExtension
	static final ModelStub MODEL = new ModelStub();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TestConfiguration(proxyBeanMethods = false)
	static class StubEndpoint {

		@Bean
		DynamicPropertyRegistrar openAiStub() {
			return registry -> registry.add("taskflow.assistant.openai.base-url", () -> MODEL.url("/v1"));
		}
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aToolCallRoundTripCreatesTheTaskWithTheDateOurParserRead() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		MODEL.answerJson(toolCalls(call("call_1", "add_task",
				Map.of("title", "Buy milk", "due", "next Tuesday", "user_id", bob.id()))))
			.answerJson(text("Added Buy milk for next Tuesday."));
		LocalDate before = LocalDate.now(ZoneOffset.UTC);

		JsonNode reply = say(ann, null, "remind me to buy milk next tuesday");

		assertThat(reply.get("reply").asString()).isEqualTo("Added Buy milk for next Tuesday.");
		JsonNode action = reply.get("actions").get(0);
		assertThat(action.get("tool").asString()).isEqualTo("add_task");
		long id = action.get("task_ids").get(0).asLong();
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
		assertThat(task.get("title").asString()).isEqualTo("Buy milk");
		LocalDate due = LocalDate.parse(task.get("due_at").asString());
		assertThat(due.getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
		assertThat(due).isAfter(before).isBeforeOrEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(14));
		mvc.perform(bob.as(get("/api/tasks/" + id))).andExpect(status().isNotFound());

		List<ModelStub.Request> requests = MODEL.requests();
		assertThat(requests).hasSize(2);
		ModelStub.Request first = requests.get(0);
		assertThat(first.method()).isEqualTo("POST");
		assertThat(first.path()).isEqualTo("/v1/chat/completions");
		assertThat(first.header("Authorization")).isEqualTo("Bearer sk-test-key");
		JsonNode body = first.json();
		assertThat(body.get("model").asString()).isEqualTo("test-model");
		assertThat(body.get("tools").valueStream().map(tool -> tool.get("function").get("name").asString()))
			.containsExactlyInAnyOrder("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
		assertThat(body.get("tools").get(0).get("type").asString()).isEqualTo("function");
		assertThat(body.get("tools").get(0).get("function").get("parameters").get("type").asString()).isEqualTo("object");
		assertThat(body.get("messages").get(0).get("role").asString()).isEqualTo("system");
		JsonNode last = body.get("messages").get(body.get("messages").size() - 1);
		assertThat(last.get("role").asString()).isEqualTo("user");
		assertThat(last.get("content").asString()).isEqualTo("remind me to buy milk next tuesday");

		JsonNode second = requests.get(1).json().get("messages");
		JsonNode assistant = second.get(second.size() - 2);
		assertThat(assistant.get("role").asString()).isEqualTo("assistant");
		assertThat(assistant.get("tool_calls").get(0).get("id").asString()).isEqualTo("call_1");
		assertThat(assistant.get("tool_calls").get(0).get("function").get("name").asString()).isEqualTo("add_task");
		assertThat(assistant.has("annotations")).isFalse();
		assertThat(assistant.has("refusal")).isFalse();
		JsonNode result = second.get(second.size() - 1);
		assertThat(result.get("role").asString()).isEqualTo("tool");
		assertThat(result.get("tool_call_id").asString()).isEqualTo("call_1");
		assertThat(result.get("content").asString()).contains("Added #" + id);
	}

	@Test
	void askedForEventsTheModelsTokensStreamAndTheToolCallPiecesAreJoined() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String arguments = JSON.writeValueAsString(Map.of("title", "Buy oats", "due", "tomorrow"));
		MODEL.answer(200, "text/event-stream", sse(
				chunk(Map.of("role", "assistant", "tool_calls", List.of(Map.of("index", 0, "id", "call_9", "type",
						"function", "function", Map.of("name", "add_task", "arguments", ""))))),
				chunk(Map.of("tool_calls", List.of(Map.of("index", 0, "function",
						Map.of("arguments", arguments.substring(0, 10))))))
				, chunk(Map.of("tool_calls", List.of(Map.of("index", 0, "function",
						Map.of("arguments", arguments.substring(10))))))))
			.answer(200, "text/event-stream", sse(chunk(Map.of("role", "assistant", "content", "Added ")),
					chunk(Map.of("content", "Buy oats")), chunk(Map.of("content", " for tomorrow."))));

		String events = stream(ann, "add buy oats tomorrow");

		assertThat(events.lines().filter(line -> line.startsWith("event:")))
			.containsExactly("event:token", "event:token", "event:token", "event:reply");
		List<JsonNode> data = events.lines().filter(line -> line.startsWith("data:"))
			.map(line -> JSON.readTree(line.substring(5)))
			.toList();
		assertThat(data.subList(0, 3)).extracting(node -> node.get("text").asString())
			.containsExactly("Added ", "Buy oats", " for tomorrow.");
		JsonNode reply = data.get(3);
		assertThat(reply.get("reply").asString()).isEqualTo("Added Buy oats for tomorrow.");
		long id = reply.get("actions").get(0).get("task_ids").get(0).asLong();
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
		assertThat(task.get("title").asString()).isEqualTo("Buy oats");

		assertThat(MODEL.requests()).allSatisfy(request -> assertThat(request.json().get("stream").asBoolean()).isTrue());
		JsonNode echoed = MODEL.requests().get(1).json().get("messages");
		assertThat(echoed.get(echoed.size() - 2).get("tool_calls").get(0).get("function").get("arguments").asString())
			.isEqualTo(arguments);
		assertThat(echoed.get(echoed.size() - 1).get("tool_call_id").asString()).isEqualTo("call_9");
	}

	@Test
	void aStreamThatBreaksOffFallsBackAndTheReplyEventSaysSo() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		MODEL.answer(200, "text/event-stream", "data: {\"choices\":[{\"delta\":{\"content\":\"Sure\"}}]}\n\ndata: {oops\n\n");

		String events = stream(ann, "add Call grandma tomorrow");

		JsonNode reply = JSON.readTree(events.lines().filter(line -> line.startsWith("data:")).reduce((a, b) -> b)
			.orElseThrow()
			.substring(5));
		assertThat(reply.get("reply").asString()).contains("was unavailable").contains("built-in assistant answered");
		assertThat(reply.get("actions").get(0).get("tool").asString()).isEqualTo("add_task");
	}

	@Test
	void theModelCannotActOnAnotherUsersTaskEvenWhenItNamesThatUser() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		long bobs = addTask(bob, "Bob's secret");
		MODEL.answerJson(toolCalls(call("call_1", "update_task",
				Map.of("task_id", bobs, "title", "Hijacked", "user_id", bob.id(), "owner", bob.id()))))
			.answerJson(text("I could not change that task."));

		JsonNode reply = say(ann, null, "rename task " + bobs + " to Hijacked");

		assertThat(reply.get("actions").get(0).get("error").asBoolean()).isTrue();
		JsonNode task = json(mvc.perform(bob.as(get("/api/tasks/" + bobs))).andExpect(status().isOk()).andReturn());
		assertThat(task.get("title").asString()).isEqualTo("Bob's secret");
		JsonNode toolMessage = last(MODEL.requests().get(1).json().get("messages"));
		assertThat(toolMessage.get("content").asString()).startsWith("Error:");
	}

	@Test
	void aDeletionTheModelAsksForWaitsForYesWhichNeedsNoModel() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = addTask(ann, "Groceries");
		MODEL.answerJson(toolCalls(call("call_1", "delete_task", Map.of("task_id", id)),
				call("call_2", "delete_task", Map.of("task_id", id))))
			.answerJson(text("Please confirm the deletion."));

		JsonNode asked = say(ann, null, "delete the groceries task");

		assertThat(asked.get("actions")).isEmpty();
		assertThat(asked.get("pending").get("kind").asString()).isEqualTo("confirm");
		assertThat(asked.get("reply").asString()).contains("Reply yes");
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk());
		assertThat(last(MODEL.requests().get(1).json().get("messages")).get("content").asString()).contains("confirm");

		JsonNode done = say(ann, asked.get("conversation_id").asString(), "yes");
		assertThat(done.get("actions")).hasSize(1);
		assertThat(done.get("actions").get(0).get("tool").asString()).isEqualTo("delete_task");
		mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isNotFound());
		assertThat(MODEL.requests()).hasSize(2);
	}

	@Test
	void changingASecondTaskInOneMessageWaitsForYes() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long report = addTask(ann, "Write report");
		long slides = addTask(ann, "Make slides");
		MODEL.answerJson(toolCalls(call("call_1", "update_task", Map.of("task_id", report, "priority", "high")),
				call("call_2", "update_task", Map.of("task_id", slides, "priority", "high"))))
			.answerJson(text("One is done, the other needs your confirmation."));

		JsonNode asked = say(ann, null, "make my report and slides high priority");

		assertThat(asked.get("actions")).hasSize(1);
		assertThat(asked.get("pending").get("kind").asString()).isEqualTo("confirm");
		assertThat(asked.get("reply").asString()).contains("Make slides").contains("Reply yes");
		assertThat(priorityOf(ann, report)).isEqualTo("high");
		assertThat(priorityOf(ann, slides)).isEqualTo("none");

		say(ann, asked.get("conversation_id").asString(), "yes");
		assertThat(priorityOf(ann, slides)).isEqualTo("high");
	}

	@Test
	void identicalToolCallsInOneTurnAreAppliedOnce() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		Map<String, Object> arguments = Map.of("title", "Water plants", "due", "tomorrow");
		MODEL.answerJson(toolCalls(call("call_1", "add_task", arguments), call("call_2", "add_task", arguments)))
			.answerJson(toolCalls(call("call_3", "add_task", arguments)))
			.answerJson(text("Added."));

		JsonNode reply = say(ann, null, "add water plants tomorrow");

		assertThat(reply.get("actions")).hasSize(1);
		JsonNode found = json(mvc.perform(ann.as(get("/api/tasks").param("q", "Water plants"))).andReturn());
		assertThat(found.get("items")).hasSize(1);
	}

	@Test
	void earlierMessagesOfTheConversationGoToTheModel() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		MODEL.answerJson(text("Hello! How can I help?")).answerJson(text("You said hello."));
		String conversation = say(ann, null, "hello").get("conversation_id").asString();
		say(ann, conversation, "what did I say?");
		JsonNode messages = MODEL.requests().get(1).json().get("messages");
		assertThat(messages.valueStream().map(m -> m.get("role").asString() + ":" + m.get("content").asString()))
			.containsSubsequence("user:hello", "assistant:Hello! How can I help?", "user:what did I say?");
	}

	enum Failure {
		TIMEOUT, RATE_LIMITED, BAD_KEY, SERVER_ERROR, NOT_JSON, WRONG_SHAPE
	}

	@ParameterizedTest
	@EnumSource(Failure.class)
	void whenTheModelFailsTheOfflineEngineAnswersWithANote(Failure failure) throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		switch (failure) {
			case TIMEOUT -> MODEL.hang();
			case RATE_LIMITED -> MODEL.answer(429, "application/json", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");
			case BAD_KEY -> MODEL.answer(401, "application/json", "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}");
			case SERVER_ERROR -> MODEL.answer(503, "text/plain", "upstream overloaded");
			case NOT_JSON -> MODEL.answer(200, "text/html", "<html>captive portal</html>");
			case WRONG_SHAPE -> MODEL.answerJson("{\"choices\":[]}");
		}

		JsonNode reply = say(ann, null, "add Call mum tomorrow");

		String text = reply.get("reply").asString();
		assertThat(text).contains("was unavailable").contains("built-in assistant answered");
		switch (failure) {
			case RATE_LIMITED -> assertThat(text).contains("429");
			case BAD_KEY -> assertThat(text).contains("API key");
			case SERVER_ERROR -> assertThat(text).contains("503");
			default -> {
			}
		}
		assertThat(reply.get("actions").get(0).get("tool").asString()).isEqualTo("add_task");
		long id = reply.get("actions").get(0).get("task_ids").get(0).asLong();
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
		assertThat(task.get("title").asString()).isEqualTo("Call mum");
		assertThat(MODEL.requests()).hasSize(1);
	}

	@Test
	void pastItsDailyShareOfModelCallsAUserIsAnsweredOffline() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (int i = 0; i < 4; i++) {
			MODEL.answerJson(text("Answer " + i));
			assertThat(say(ann, null, "hello " + i).get("reply").asString()).isEqualTo("Answer " + i);
		}
		JsonNode limited = say(ann, null, "add Stretch tomorrow");
		assertThat(limited.get("reply").asString()).contains("limit of 4 a day").contains("built-in assistant answered");
		assertThat(limited.get("actions").get(0).get("tool").asString()).isEqualTo("add_task");
		assertThat(MODEL.requests()).hasSize(4);

		TestUser bob = TestUsers.signUp(mvc);
		MODEL.answerJson(text("Bob's answer"));
		assertThat(say(bob, null, "hello").get("reply").asString()).isEqualTo("Bob's answer");
	}

	private static Map<String, Object> call(String id, String name, Map<String, Object> arguments) {
		return Map.of("id", id, "type", "function", "function",
				Map.of("name", name, "arguments", JSON.writeValueAsString(arguments)));
	}

	@SafeVarargs
	private static String toolCalls(Map<String, Object>... calls) {
		return JSON.writeValueAsString(Map.of("id", "chatcmpl-1", "object", "chat.completion", "model", "test-model",
				"choices", List.of(Map.of("index", 0, "finish_reason", "tool_calls", "message",
						responseMessage(List.of(calls))))));
	}

	/** A message as OpenAI answers it, with response-only fields that are not to be sent back. */
	private static Map<String, Object> responseMessage(List<Map<String, Object>> calls) {
		Map<String, Object> message = new java.util.HashMap<>();
		message.put("role", "assistant");
		message.put("content", null);
		message.put("refusal", null);
		message.put("annotations", List.of());
		message.put("tool_calls", calls);
		return message;
	}

	private static String text(String content) {
		return JSON.writeValueAsString(Map.of("id", "chatcmpl-2", "object", "chat.completion", "model", "test-model",
				"choices", List.of(Map.of("index", 0, "finish_reason", "stop", "message",
						Map.of("role", "assistant", "content", content)))));
	}

	private static Map<String, Object> chunk(Map<String, Object> delta) {
		return Map.of("id", "chatcmpl-s", "object", "chat.completion.chunk", "model", "test-model", "choices",
				List.of(Map.of("index", 0, "delta", delta)));
	}

	@SafeVarargs
	private static String sse(Map<String, Object>... chunks) {
		StringBuilder body = new StringBuilder();
		for (Map<String, Object> chunk : chunks) {
			body.append("data: ").append(JSON.writeValueAsString(chunk)).append("\n\n");
		}
		return body.append("data: [DONE]\n\n").toString();
	}

	private String stream(TestUser user, String message) throws Exception {
		var started = mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.content(JSON.createObjectNode().put("message", message).toString()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
			.andReturn();
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static JsonNode last(JsonNode array) {
		return array.get(array.size() - 1);
	}

	private String priorityOf(TestUser user, long id) throws Exception {
		return json(mvc.perform(user.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn()).get("priority")
			.asString();
	}

	private long addTask(TestUser user, String title) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(Map.of("title", title)))).andExpect(status().isCreated()).andReturn())
			.get("id")
			.asLong();
	}

	private JsonNode say(TestUser user, String conversationId, String message) throws Exception {
		var body = JSON.createObjectNode().put("message", message);
		if (conversationId != null) {
			body.put("conversation_id", conversationId);
		}
		return json(mvc.perform(user.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON).content(body.toString()))
			.andExpect(status().isOk())
			.andReturn());
	}
}
