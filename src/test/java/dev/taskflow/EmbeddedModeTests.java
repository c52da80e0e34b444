package dev.taskflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default as a user runs it: a real server on a real port with the H2 file database,
 * stopped and started again. Nothing is mocked.
 */
class EmbeddedModeTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void tasksSurviveARestartOfTheEmbeddedDatabase(@TempDir Path dataDir) throws Exception {
		String token;
		try (ConfigurableApplicationContext app = start(dataDir)) {
			String base = baseUrl(app);
			HttpResponse<String> signUp = send(HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"email\": \"restart@example.com\", \"password\": \"long enough secret 1\"}")));
			assertThat(signUp.statusCode()).isEqualTo(201);
			String basic = Base64.getEncoder().encodeToString("restart@example.com:long enough secret 1".getBytes());
			HttpResponse<String> issued = send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"restart\"}")));
			token = json.readTree(issued.body()).get("token").asString();
			HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/api/tasks"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"title\": \"Survive the restart\", \"tags\": [\"db\"]}")));
			assertThat(created.statusCode()).isEqualTo(201);
		}
		assertThat(dataDir.resolve("taskflow.mv.db")).exists();

		try (ConfigurableApplicationContext app = start(dataDir)) {
			HttpResponse<String> list = send(HttpRequest.newBuilder(URI.create(baseUrl(app) + "/api/tasks"))
				.header("Authorization", "Bearer " + token));
			assertThat(list.statusCode()).isEqualTo(200);
			JsonNode items = json.readTree(list.body()).get("items");
			assertThat(items).hasSize(1);
			assertThat(items.get(0).get("title").asString()).isEqualTo("Survive the restart");
			assertThat(items.get(0).get("tags").get(0).asString()).isEqualTo("db");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(TaskFlowApplication.class)
			.run("--server.port=0", "--TASKFLOW_DATA_DIR=" + dataDir.toAbsolutePath());
	}

	private static String baseUrl(ConfigurableApplicationContext app) {
		return "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
