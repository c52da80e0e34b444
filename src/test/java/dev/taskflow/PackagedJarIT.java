package dev.taskflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar a user runs ({@code java -jar target/taskflow.jar}), started as its own process after
 * packaging. The rest of the suite runs on Maven's test class path, where a dependency scoped
 * {@code test} is present: this is where a library missing from the jar shows (the MCP server once
 * failed the whole start-up for want of one). It also stops the process with SIGTERM as an operator
 * would, so Spring's shutdown hook and the embedded database's run side by side.
 */
class PackagedJarIT {

	private static final String EMAIL = "jar@example.com";

	private static final String PASSWORD = "long enough secret 1";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theJarStartsServesEveryPartAndStopsQuietlyOnSigterm(@TempDir Path dataDir) throws Exception {
		Path jar = Path.of(System.getProperty("taskflow.test.jar", "target/taskflow.jar"));
		assertThat(jar).as("the packaged jar (run through 'mvnw verify')").exists();
		Path log = dataDir.resolve("taskflow.log");
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
				jar.toString(), "--server.port=0", "--TASKFLOW_DATA_DIR=" + dataDir.toAbsolutePath(),
				"--spring.main.banner-mode=off")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			await().atMost(Duration.ofMinutes(3))
				.until(() -> Files.readString(log).contains("Started TaskFlowApplication") || !process.isAlive());
			Matcher port = Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
			assertThat(port.find()).as("the server started:%n%s", Files.readString(log)).isTrue();
			String base = "http://localhost:" + port.group(1);
			// some parts speak up only once the application is ready
			await().until(() -> send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))).statusCode() == 200);
			String started = Files.readString(log);
			assertThat(complaints(started)).as("warnings at start-up:%n%s", started).isEmpty();

			assertThat(send(json(base + "/api/accounts", "{\"email\": \"" + EMAIL + "\", \"password\": \"" + PASSWORD + "\"}"))
				.statusCode()).isEqualTo(201);
			String basic = Base64.getEncoder().encodeToString((EMAIL + ":" + PASSWORD).getBytes());
			String token = send(json(base + "/api/tokens", "{\"name\": \"jar\"}").header("Authorization", "Basic " + basic))
				.body()
				.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

			HttpResponse<String> created = send(json(base + "/api/tasks", "{\"title\": \"Pack the jar\", \"tags\": [\"ci\"]}")
				.header("Authorization", "Bearer " + token));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

			HttpResponse<String> tools = send(json(base + "/mcp", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}")
				.header("Authorization", "Bearer " + token)
				.header("Accept", "application/json, text/event-stream"));
			assertThat(tools.statusCode()).as(tools.body()).isEqualTo(200);
			assertThat(tools.body()).contains("add_task", "list_tasks", "complete_task", "delete_task", "update_task");

			HttpResponse<String> chat = send(json(base + "/api/chat", "{\"message\": \"what's due today?\"}")
				.header("Authorization", "Bearer " + token));
			assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);

			HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
			assertThat(signIn.statusCode()).isEqualTo(200);
			assertThat(signIn.body()).contains("<form");
			HttpResponse<String> script = send(HttpRequest.newBuilder(URI.create(base + "/js/shell.js")).GET());
			assertThat(script.statusCode()).isEqualTo(200);
		}
		finally {
			process.destroy(); // SIGTERM
		}
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		String output = Files.readString(log);
		String afterTerm = output.substring(Math.max(0, output.indexOf("Commencing graceful shutdown")));
		assertThat(afterTerm).as(output).contains("Commencing graceful shutdown");
		assertThat(complaints(afterTerm)).as(afterTerm).isEmpty();
	}

	private static List<String> complaints(String log) {
		return log.lines()
			.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"))
			.toList();
	}

	private static HttpRequest.Builder json(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
