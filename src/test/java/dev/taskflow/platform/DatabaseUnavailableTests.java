package dev.taskflow.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.taskflow.support.FormBrowser;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the database lends no connection (all taken here; down, or a pool exhausted, in real life), the API
 * answers 503 with Retry-After and a problem document, wherever the request needed it: in the security
 * filters (the token lookup) or in a controller (sign-up); a page answers 503 with a page saying so. Over
 * real HTTP, as a client sees it (before, the response was cut off mid-way).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:database-unavailable-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=500" })
class DatabaseUnavailableTests {

	/** What a page's {@code <link>}s load: stylesheets, the icon. */
	private static final Pattern LINKED = Pattern.compile("<link [^>]*href=\"(/[^\"]+)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Test
	void withoutAConnectionTheApiAsksToRetryInsteadOfFailing() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		HttpRequest tasks = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/tasks"))
			.header("Authorization", "Bearer " + ann.token())
			.build();
		HttpRequest signUp = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/accounts"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"email\": \"bob-" + System.nanoTime() + "@example.com\", \"password\": \"" + TestUsers.PASSWORD + "\"}"))
			.build();

		HttpRequest page = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tasks"))
			.header("Authorization", "Bearer " + ann.token())
			.build();

		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			assertRetryLater(http.send(tasks, HttpResponse.BodyHandlers.ofString()));
			assertRetryLater(http.send(signUp, HttpResponse.BodyHandlers.ofString()));
			HttpResponse<String> pageAnswer = http.send(page, HttpResponse.BodyHandlers.ofString());
			assertThat(pageAnswer.statusCode()).isEqualTo(503);
			assertThat(pageAnswer.headers().firstValue("Retry-After")).hasValue("5");
			assertThat(pageAnswer.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
			assertThat(pageAnswer.body()).contains("<h1>TaskFlow is unavailable for a moment</h1>")
				.contains("cannot reach its database right now");
		}

		assertThat(http.send(tasks, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void theUnavailablePageKeepsItsStylesheetsForASignedInBrowser() throws Exception {
		FormBrowser browser = FormBrowser.signedIn(port, TestUsers.signUp(mvc));

		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			HttpResponse<String> page = browser.get("/tasks");
			assertThat(page.statusCode()).isEqualTo(503);
			List<String> linked = LINKED.matcher(page.body()).results().map(link -> link.group(1)).toList();
			assertThat(linked).contains("/css/taskflow.css");
			for (String asset : linked) {
				assertThat(browser.get(asset).statusCode()).as(asset).isEqualTo(200);
			}
		}
	}

	private void assertRetryLater(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(503);
		assertThat(problem.get("type").asString()).isEqualTo(ProblemTypes.UNAVAILABLE.toString());
		assertThat(problem.get("detail").asString()).isEqualTo("TaskFlow cannot reach its database right now. Try again in a moment.");
		assertThat(problem.propertyNames()).containsOnly("type", "title", "status", "detail");
	}
}
