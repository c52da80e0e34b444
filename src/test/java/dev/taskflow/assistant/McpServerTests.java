package dev.taskflow.assistant;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The MCP server over real HTTP, driven by the MCP Java SDK's own client. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:mcp-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class McpServerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Test
	void listsTheFiveToolsWithPreciseSchemasAndTruthfulHints() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		try (McpSyncClient client = client(ann.token())) {
			client.initialize();
			List<McpSchema.Tool> tools = client.listTools().tools();
			assertThat(tools).extracting(McpSchema.Tool::name)
				.containsExactlyInAnyOrder("add_task", "list_tasks", "complete_task", "delete_task", "update_task");
			McpSchema.Tool list = tool(tools, "list_tasks");
			assertThat(list.annotations().readOnlyHint()).isTrue();
			assertThat(list.annotations().destructiveHint()).isFalse();
			assertThat(tool(tools, "delete_task").annotations().destructiveHint()).isTrue();
			// a deleted task goes to the trash, from where it can be restored
			assertThat(tool(tools, "delete_task").description()).contains("trash", "restore").doesNotContain("for good");
			assertThat(tool(tools, "add_task").annotations().destructiveHint()).isFalse();
			Map<String, Object> add = tool(tools, "add_task").inputSchema();
			assertThat(add.get("required")).isEqualTo(List.of("title"));
			assertThat(add.get("additionalProperties")).isEqualTo(false);
			assertThat(property(add, "priority").get("enum")).isEqualTo(List.of("none", "low", "medium", "high"));
			assertThat(property(add, "title").get("maxLength")).isEqualTo(200);
			Map<String, Object> taskId = property(tool(tools, "delete_task").inputSchema(), "task_id");
			assertThat(taskId.get("type")).isEqualTo("integer");
			assertThat(taskId.get("minimum")).isEqualTo(1);
		}
	}

	@Test
	void everyToolWorksThroughTheTaskRulesAsTheTokensUser() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		try (McpSyncClient client = client(ann.token())) {
			client.initialize();
			McpSchema.CallToolResult added = client.callTool(new McpSchema.CallToolRequest("add_task",
					Map.of("title", "Dentist", "due", "Dec 24 5pm", "priority", "high", "tags", List.of("health"))));
			assertThat(added.isError()).isNotEqualTo(Boolean.TRUE);
			long id = taskIds(added).get(0);
			JsonNode task = task(ann, id);
			assertThat(task.get("due_at").asString()).contains("-12-24T17:00");
			assertThat(task.get("priority").asString()).isEqualTo("high");
			assertThat(((McpSchema.TextContent) added.content().get(0)).text()).contains("Dentist");

			McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_tasks", Map.of("query", "dentist")));
			assertThat(taskIds(listed)).containsExactly(id);

			client.callTool(new McpSchema.CallToolRequest("update_task", Map.of("task_id", id, "title", "Dentist at 5")));
			assertThat(task(ann, id).get("title").asString()).isEqualTo("Dentist at 5");

			client.callTool(new McpSchema.CallToolRequest("complete_task", Map.of("task_id", id)));
			assertThat(task(ann, id).get("status").asString()).isEqualTo("completed");

			McpSchema.CallToolResult deleted = client.callTool(new McpSchema.CallToolRequest("delete_task", Map.of("task_id", id)));
			assertThat(deleted.isError()).isNotEqualTo(Boolean.TRUE);
			mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isNotFound());

			McpSchema.CallToolResult invalid = client.callTool(new McpSchema.CallToolRequest("add_task",
					Map.of("title", "Later", "due", "when pigs fly")));
			assertThat(invalid.isError()).isTrue();
			assertThat(((McpSchema.TextContent) invalid.content().get(0)).text()).contains("as a date");
		}
	}

	@Test
	void aTokenUserCannotTouchAnotherUsersTaskEvenByItsId() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		long annsTask = json(mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\":\"Ann's secret\"}")).andReturn()).get("id").asLong();
		try (McpSyncClient client = client(bob.token())) {
			client.initialize();
			for (String tool : List.of("complete_task", "delete_task", "update_task")) {
				McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool,
						Map.of("task_id", annsTask, "owner_id", ann.id())));
				assertThat(result.isError()).as(tool).isTrue();
			}
			McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_tasks", Map.of("status", "all")));
			assertThat(taskIds(listed)).doesNotContain(annsTask);
		}
		JsonNode task = task(ann, annsTask);
		assertThat(task.get("status").asString()).isEqualTo("pending");
		assertThat(task.get("title").asString()).isEqualTo("Ann's secret");
	}

	@Test
	void withoutATokenTheAnswerPointsToTheProtectedResourceMetadata() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base() + "/mcp"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(401);
		String challenge = refused.headers().firstValue("WWW-Authenticate").orElseThrow();
		assertThat(challenge).startsWith("Bearer ")
			.contains("resource_metadata=\"" + base() + "/.well-known/oauth-protected-resource\"");

		HttpResponse<String> metadata = http.send(
				HttpRequest.newBuilder(URI.create(base() + "/.well-known/oauth-protected-resource")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(metadata.statusCode()).isEqualTo(200);
		JsonNode document = JSON.readTree(metadata.body());
		assertThat(document.get("resource").asString()).isEqualTo(base() + "/mcp");
		assertThat(document.get("bearer_methods_supported").get(0).asString()).isEqualTo("header");

		HttpResponse<String> badToken = http.send(HttpRequest.newBuilder(URI.create(base() + "/mcp"))
			.header("Authorization", "Bearer tf_not-a-real-token")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(badToken.statusCode()).isEqualTo(401);
	}

	@Test
	void aTaskIdBeyondALongIsRefusedNotWrappedOntoAnotherTask() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long id = ann.createTask(mvc, "{\"title\":\"Keep me\",\"priority\":\"low\"}");
		// 2^64 + id: a long wraps it to id itself
		BigInteger wrapsOntoId = BigInteger.TWO.pow(64).add(BigInteger.valueOf(id));
		try (McpSyncClient client = client(ann.token())) {
			client.initialize();
			for (Map<String, Object> call : List.<Map<String, Object>>of(Map.of("name", "update_task", "task_id", wrapsOntoId, "priority", "medium"),
					Map.of("name", "complete_task", "task_id", wrapsOntoId), Map.of("name", "delete_task", "task_id", wrapsOntoId),
					Map.of("name", "update_task", "task_id", new BigInteger("99999999999999999999"), "priority", "medium"))) {
				Map<String, Object> arguments = new java.util.HashMap<>(call);
				String tool = (String) arguments.remove("name");
				McpSchema.CallToolResult result = client.callTool(new McpSchema.CallToolRequest(tool, arguments));
				assertThat(result.isError()).as(tool).isTrue();
				assertThat(((McpSchema.TextContent) result.content().get(0)).text()).as(tool).contains("task id", "whole number");
			}
			McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_tasks",
					Map.of("limit", BigInteger.TWO.pow(32).add(BigInteger.ONE))));
			assertThat(listed.isError()).isTrue();
			assertThat(((McpSchema.TextContent) listed.content().get(0)).text()).contains("limit");
		}
		JsonNode task = task(ann, id);
		assertThat(task.get("status").asString()).isEqualTo("pending");
		assertThat(task.get("priority").asString()).isEqualTo("low");
	}

	/** The tools' schema states the tag rule of the REST API: letters, digits and - _ . / : */
	@Test
	void tagsFollowTheSameRulesAsTheRestApi() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		try (McpSyncClient client = client(ann.token())) {
			client.initialize();
			McpSchema.CallToolResult added = client.callTool(new McpSchema.CallToolRequest("add_task",
					Map.of("title", "tagged", "tags", List.of("a.b", "c/d", "e:f", "İstanbul"))));
			assertThat(added.isError()).as(added.toString()).isNotEqualTo(Boolean.TRUE);
			McpSchema.CallToolResult listed = client.callTool(new McpSchema.CallToolRequest("list_tasks",
					Map.of("tags", List.of("a.b"))));
			assertThat(listed.isError()).as(listed.toString()).isNotEqualTo(Boolean.TRUE);
			McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("add_task",
					Map.of("title", "bad tag", "tags", List.of("a b!"))));
			assertThat(refused.isError()).isTrue();
		}
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks"))).andExpect(status().isOk()).andReturn()).at("/items/0");
		assertThat(task.get("tags").valueStream().map(JsonNode::asString)).containsExactly("a.b", "c/d", "e:f", "istanbul");
	}

	@Test
	void remindersFollowTheSameRulesAsTheRestApi() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		try (McpSyncClient client = client(ann.token())) {
			client.initialize();
			for (String lead : List.of("P99999999D", "P999999999999D", "P367D", "-P1D", "PT0.5S")) {
				McpSchema.CallToolResult refused = client.callTool(new McpSchema.CallToolRequest("add_task",
						Map.of("title", "m", "due", "2026-12-20", "reminders", List.of(lead))));
				assertThat(refused.isError()).as(lead).isTrue();
				assertThat(((McpSchema.TextContent) refused.content().get(0)).text()).as(lead).contains("reminder");
			}
			McpSchema.CallToolResult longest = client.callTool(new McpSchema.CallToolRequest("add_task",
					Map.of("title", "a year ahead", "due", "2026-12-20", "reminders", List.of("P366D"))));
			assertThat(longest.isError()).isNotEqualTo(Boolean.TRUE);
		}
		JsonNode all = json(mvc.perform(ann.as(get("/api/tasks").param("status", "all"))).andExpect(status().isOk()).andReturn());
		assertThat(all.get("items")).singleElement()
			.satisfies(task -> assertThat(task.get("title").asString()).isEqualTo("a year ahead"));
	}

	@Test
	void aMessageTheTransportRefusesGetsAJsonRpcErrorWithoutInternals() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> truncated = http.send(mcpPost(ann, "{\"jsonrpc\":\"2.0\",\"id\":1,")
			.header("Accept", "application/json, text/event-stream")
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> noAccept = http.send(mcpPost(ann, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> onlyJsonAccepted = http.send(mcpPost(ann, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
			.header("Accept", "application/json")
			.build(), HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> notARequest = http.send(mcpPost(ann, "[1,2]")
			.header("Accept", "application/json, text/event-stream")
			.build(), HttpResponse.BodyHandlers.ofString());
		for (HttpResponse<String> refused : List.of(truncated, noAccept, onlyJsonAccepted, notARequest)) {
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
			assertThat(refused.body()).doesNotContain("stackTrace", "dev.taskflow", "io.modelcontextprotocol", "localizedMessage")
				.hasSizeLessThan(300);
			JsonNode error = JSON.readTree(refused.body());
			assertThat(error.get("jsonrpc").asString()).isEqualTo("2.0");
			assertThat(error.get("id").isNull()).isTrue();
			assertThat(error.get("error").get("code").isInt()).isTrue();
			assertThat(error.get("error").get("message").asString()).isNotBlank();
		}
		assertThat(JSON.readTree(noAccept.body()).get("error").get("message").asString()).contains("Accept");
		// JSON-RPC's codes: not JSON at all is a Parse error, JSON that is no request (or a refused Accept) an Invalid Request
		assertThat(code(truncated)).isEqualTo(McpSchema.ErrorCodes.PARSE_ERROR);
		assertThat(List.of(code(noAccept), code(onlyJsonAccepted), code(notARequest)))
			.containsOnly(McpSchema.ErrorCodes.INVALID_REQUEST);
	}

	/**
	 * Params of the wrong shape are the caller's mistake: -32602 with the request's id and a sentence,
	 * on HTTP 200 like any JSON-RPC answer. The SDK answered initialize's with -32603 carrying Jackson's
	 * message and our class names, and tools/call's with HTTP 500, no id and an ERROR in the log.
	 */
	@Test
	void paramsOfTheWrongShapeAreInvalidParamsForThatRequest(CapturedOutput output) throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		HttpClient http = HttpClient.newHttpClient();
		List<List<String>> calls = List.of(List.of("initialize", "\"x\""), List.of("initialize", "[1]"),
				List.of("initialize", "{\"protocolVersion\":{\"a\":1}}"), List.of("initialize", "{\"capabilities\":\"x\"}"),
				List.of("initialize"), List.of("tools/call"), List.of("tools/call", "null"), List.of("tools/call", "{}"),
				List.of("tools/call", "{\"name\":\"add_task\",\"arguments\":\"buy milk\"}"),
				List.of("tools/call", "{\"name\":\"add_task\",\"arguments\":[]}"),
				List.of("tools/call", "{\"name\":{\"a\":1},\"arguments\":{}}"), List.of("tools/list", "\"x\""),
				List.of("ping", "[1]"));
		for (int id = 0; id < calls.size(); id++) {
			List<String> call = calls.get(id);
			String params = call.size() > 1 ? ",\"params\":" + call.get(1) : "";
			HttpResponse<String> answer = http.send(mcpPost(ann,
					"{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + call.get(0) + "\"" + params + "}")
				.header("Accept", "application/json, text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofString());
			String which = call.toString();
			assertThat(answer.statusCode()).as(which).isEqualTo(200);
			assertThat(answer.body()).as(which).doesNotContain("jackson", "modelcontextprotocol", "dev.taskflow", "Exception");
			JsonNode response = JSON.readTree(answer.body());
			assertThat(response.get("id").asInt()).as(which).isEqualTo(id);
			assertThat(response.get("error").get("code").asInt()).as(which).isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS);
			assertThat(response.get("error").get("message").asString()).as(which).startsWith("Invalid params: " + call.get(0));
		}
		assertThat(output).doesNotContain("Failed to handle request", "MismatchedInputException");
	}

	@Test
	void aToolCallMayLeaveOutItsArgumentsAndMethodsTakeEmptyParams() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		HttpClient http = HttpClient.newHttpClient();
		for (String request : List.of("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tasks\"}}",
				"{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}",
				"{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}",
				"{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
						+ "\"capabilities\":{},\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}")) {
			HttpResponse<String> answer = http.send(mcpPost(ann, request).header("Accept", "application/json, text/event-stream")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(request).isEqualTo(200);
			JsonNode response = JSON.readTree(answer.body());
			assertThat(response.has("error")).as(answer.body()).isFalse();
			assertThat(response.get("result").isObject()).as(request).isTrue();
		}
	}

	@Test
	void methodsOtherThanPostAreProblemsThatSayPostIsAllowed() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		HttpClient http = HttpClient.newHttpClient();
		for (String method : List.of("GET", "DELETE", "PUT")) {
			HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(base() + "/mcp"))
				.header("Authorization", "Bearer " + ann.token())
				.header("Accept", "application/json, text/event-stream")
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).as(method).isEqualTo(405);
			assertThat(refused.headers().firstValue("Allow")).as(method).contains("POST");
			assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).as(method)
				.startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(refused.body());
			assertThat(problem.get("type").asString()).isEqualTo("https://taskflow.dev/problems/method-not-allowed");
			assertThat(problem.get("status").asInt()).isEqualTo(405);
			assertThat(problem.has("timestamp")).isFalse();
		}
	}

	private static int code(HttpResponse<String> answer) {
		return JSON.readTree(answer.body()).get("error").get("code").asInt();
	}

	private HttpRequest.Builder mcpPost(TestUser user, String body) {
		return HttpRequest.newBuilder(URI.create(base() + "/mcp"))
			.header("Authorization", "Bearer " + user.token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private McpSyncClient client(String token) {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base())
			.endpoint("/mcp")
			.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
			.build();
		return McpClient.sync(transport).build();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private JsonNode task(TestUser user, long id) throws Exception {
		return json(mvc.perform(user.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
	}

	@SuppressWarnings("unchecked")
	private static List<Long> taskIds(McpSchema.CallToolResult result) {
		Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
		return ((List<Number>) structured.get("task_ids")).stream().map(Number::longValue).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> property(Map<String, Object> schema, String name) {
		return (Map<String, Object>) ((Map<String, Object>) schema.get("properties")).get(name);
	}

	private static McpSchema.Tool tool(List<McpSchema.Tool> tools, String name) {
		return tools.stream().filter(tool -> tool.name().equals(name)).findFirst().orElseThrow();
	}
}
