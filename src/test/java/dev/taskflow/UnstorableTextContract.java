package dev.taskflow;

import java.net.http.HttpRequest;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.taskflow.support.Browser;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Text no database or reader can take (a NUL, a lone surrogate, another control character) is refused
 * with a 400 naming the field, or the page's field error, at every entry point: REST fields, query
 * parameters and cursors, forms, imports, the MCP tools, the assistant, saved views, tokens and e-mail.
 * PostgreSQL refuses a NUL with a 500 when nothing stops it first, so the subclasses run this on both
 * databases; H2 would store it and export a backup PostgreSQL cannot import.
 */
abstract class UnstorableTextContract {

	private static final String NUL = "a\\u0000b";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	MockMvcTester pages;

	@LocalServerPort
	int port;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void aTaskWithANulOrALoneSurrogateIsRefusedNamingTheField() throws Exception {
		refused(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + NUL + "\"}"), "title", "must not contain control characters (U+0000 at position 2)");
		refused(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Fine\", \"description\": \"line one\\nline two " + NUL + "\"}"), "description",
				"must not contain control characters");
		refused(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"a\\ud800b\"}"), "title", "lone surrogate");
		refused(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"one\\ntwo\"}"), "title", "must be one line");
		long id = ann.createTask(mvc, "{\"title\": \"Fine\"}");
		refused(ann.as(patch("/api/tasks/" + id))
			.contentType("application/merge-patch+json")
			.content("{\"title\": \"" + NUL + "\"}"), "title", "control characters");
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Notes\", \"description\": \"tab\\there,\\r\\nnew line\"}"))
			.andExpect(status().isCreated());
	}

	@Test
	void aTitleOrViewNameOfOnlyInvisibleCharactersIsBlank() throws Exception {
		for (String invisible : List.of("\\u00a0", "\\u200b", "\\u2800", "\\u202e", "\\u2060\\ufeff")) {
			refused(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"" + invisible + "\"}"), "title", "is required");
			refused(ann.as(post("/api/views")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"" + invisible + "\", \"filters\": {}}"), "name", "is required");
		}
		mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"\\u202eright to left\"}")).andExpect(status().isCreated());
	}

	@Test
	void aSearchOrCursorHoldingANulIsRefused() throws Exception {
		refused(ann.as(get("/api/tasks")).param("q", "a\u0000b"), "q", "control characters");
		ann.createTask(mvc, "{\"title\": \"Alpha\"}");
		ann.createTask(mvc, "{\"title\": \"Beta\"}");
		String cursor = json(mvc.perform(ann.as(get("/api/tasks")).param("sort", "title").param("limit", "1"))
			.andExpect(status().isOk())
			.andReturn()).get("next_cursor").asString();
		ObjectNode decoded = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(cursor));
		decoded.withArray("v").set(0, "a\u0000b");
		String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(decoded));
		refused(ann.as(get("/api/tasks")).param("sort", "title").param("cursor", forged), "cursor", "not a cursor");
	}

	@Test
	void viewsTokensChatAndSignUpRefuseANul() throws Exception {
		refused(ann.as(post("/api/views")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + NUL + "\", \"filters\": {}}"), "name", "control characters");
		refused(ann.as(post("/api/views")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Search\", \"filters\": {\"q\": \"" + NUL + "\"}}"), "filters.q", "control characters");
		refused(post("/api/tokens").with(httpBasic(ann.email(), TestUsers.PASSWORD)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + NUL + "\"}"), "name", "control characters");
		refused(ann.as(post("/api/chat")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\": \"add " + NUL + "\"}"), "message", "control characters");
		for (String email : List.of("nul\\u0000@example.com", "line\\u2028@example.com",
				"<script>alert(1)</script>@example.com", "c1\\u0085@example.com")) {
			refused(post("/api/accounts").with(TestUsers.fromAddress("192.0.2.77")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"email\": \"" + email + "\", \"password\": \"" + TestUsers.PASSWORD + "\"}"), "email", "");
		}
	}

	@Test
	void anImportWithANulRejectsTheRowInJsonAndCsv() throws Exception {
		mvc.perform(ann.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"tasks\": [{\"title\": \"Fine\"}, {\"title\": \"" + NUL + "\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rows[2].title"))
			.andExpect(jsonPath("$.errors[0].message", containsString("control characters")));
		mvc.perform(ann.as(post("/api/import")).contentType("text/csv")
			.content("title,description\nFine,\nAlso fine,\"a\u0000b\"\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rows[2].description"));
		mvc.perform(ann.as(get("/api/tasks"))).andExpect(jsonPath("$.items").isEmpty());
	}

	@Test
	void formsShowTheFieldErrorAndTheSignInFormLogsNoError() throws Exception {
		Browser browser = Browser.signedUp(pages);
		MvcTestResult quickAdd = browser.post("/tasks", "title", "a\u0000b");
		assertThat(quickAdd).hasStatus(422);
		assertThat(Browser.body(quickAdd)).contains("must not contain control characters");
		MvcTestResult search = browser.get("/tasks?q=a\u0000b");
		assertThat(search).hasStatus(400);
		assertThat(Browser.body(search)).contains("must not contain control characters");
		assertThat(browser.post("/account/tokens", "name", "a\u0000b")).hasStatus(422);
		MvcTestResult signUp = Browser.open(pages).post("/signup", "email", "nul\u0000@example.com", "password",
				Browser.PASSWORD, "timeZone", "UTC");
		assertThat(signUp).hasStatus(422);
		assertThat(Browser.body(signUp)).contains("must not contain control characters");

		ListAppender<ILoggingEvent> log = new ListAppender<>();
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		log.start();
		root.addAppender(log);
		try {
			assertThat(pages.perform(formLogin("/login").userParameter("email").user("nul\u0000@example.com")
				.password(Browser.PASSWORD))).hasRedirectedUrl("/login?error");
		}
		finally {
			root.detachAppender(log);
		}
		assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.ERROR));
	}

	@Test
	void theMcpToolsExplainTheRefusedCharacter() throws Exception {
		HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
			.builder("http://localhost:" + port)
			.endpoint("/mcp")
			.requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + ann.token()))
			.build();
		try (McpSyncClient client = McpClient.sync(transport).build()) {
			client.initialize();
			McpSchema.CallToolResult added = client
				.callTool(new McpSchema.CallToolRequest("add_task", Map.of("title", "a\u0000b")));
			assertThat(added.isError()).isTrue();
			assertThat(((McpSchema.TextContent) added.content().get(0)).text()).contains("control characters");
			long id = ann.createTask(mvc, "{\"title\": \"Fine\"}");
			McpSchema.CallToolResult updated = client.callTool(
					new McpSchema.CallToolRequest("update_task", Map.of("task_id", id, "description", "a\u0000b")));
			assertThat(updated.isError()).isTrue();
			assertThat(((McpSchema.TextContent) updated.content().get(0)).text()).contains("control characters");
			McpSchema.CallToolResult listed = client
				.callTool(new McpSchema.CallToolRequest("list_tasks", Map.of("query", "a\u0000b")));
			assertThat(listed.isError()).isTrue();
		}
	}

	private void refused(MockHttpServletRequestBuilder request, String field, String message) throws Exception {
		ResultActions answer = mvc.perform(request)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/validation"));
		answer.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message", containsString(message)));
	}
}
