package dev.taskflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the application (what SIGTERM does: closing the context) is orderly and quiet: background
 * workers and the publication registry's jobs stop before the database pool closes, so nothing warns
 * about a connection it can no longer get.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownTests {

	private static final String MARK = "=== closing the application ===";

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Closes the context right after the last write, with the outbox relay and the dispatcher still
	 * committing: the workers must finish the piece in hand rather than be interrupted inside a JDBC call
	 * (which broke the embedded database's file and failed every later commit). Repeated because the
	 * race it guards is a matter of timing.
	 */
	@RepeatedTest(3)
	void stoppingTheApplicationLogsNoWarningOrError(@TempDir Path dataDir, CapturedOutput output) throws Exception {
		ConfigurableApplicationContext app = new SpringApplicationBuilder(TaskFlowApplication.class)
			.run("--server.port=0", "--TASKFLOW_DATA_DIR=" + dataDir.toAbsolutePath());
		try {
			String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
			// some work in flight for the outbox, the dispatcher and the reminder scheduler
			send(HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"email\": \"stop@example.com\", \"password\": \"long enough secret 1\"}")));
			String basic = Base64.getEncoder().encodeToString("stop@example.com:long enough secret 1".getBytes());
			String token = send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
				.header("Authorization", "Basic " + basic)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"stop\"}"))).replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
			for (int i = 0; i < 5; i++) {
				send(HttpRequest.newBuilder(URI.create(base + "/api/tasks"))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(
							"{\"title\": \"Task " + i + "\", \"reminders\": [{\"at\": \"2020-01-01T00:00:00Z\"}]}")));
			}
		}
		finally {
			System.out.println(MARK);
			app.close();
		}

		String afterClose = output.getAll().substring(output.getAll().lastIndexOf(MARK));
		List<String> complaints = afterClose.lines()
			.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception"))
			.toList();
		assertThat(complaints).isEmpty();
		assertThat(afterClose).doesNotContain("Could not open JDBC Connection");
	}

	private String send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
	}
}
