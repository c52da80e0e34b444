package dev.taskflow.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Dockerfile's runtime stage without a Docker engine: the packaged jar extracted into its layers and
 * merged into one directory as the COPY instructions do, then the training run, the very RUN instruction of
 * the Dockerfile, on the JVM running this test (it needs {@code curl}, which the image installs, and
 * {@code scripts/install-test-tools.sh} on CI), and a start with the ENTRYPOINT. The start insists
 * on the archive ({@code -XX:AOTMode=on} or {@code -Xshare:on} make the JVM refuse to start without it), so
 * a training run that records nothing usable fails here rather than silently in the image.
 */
class ImageTrainingRunIT {

	@Test
	void theTrainingRunLeavesAnArchiveTheApplicationStartsWith(@TempDir Path work) throws Exception {
		Path jar = Path.of(System.getProperty("taskflow.test.jar", "target/taskflow.jar")).toAbsolutePath();
		assertThat(jar).as("the packaged jar (run through 'mvnw verify')").exists();
		Path app = Files.createDirectory(work.resolve("app"));
		Path layers = work.resolve("extracted");
		run(work, work, List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers", "--destination",
				layers.toString()));
		for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
			copyTree(layers.resolve(layer), app);
		}
		assertThat(app.resolve("taskflow.jar")).as("the application layer holds the jar under its name").exists();
		Path tmp = Files.createDirectory(work.resolve("tmp"));

		run(app, tmp, List.of("sh", "-c", DockerfileTests.trainingRun()));
		assertThat(Files.readString(app.resolve("jvm.options"))).isNotBlank();

		String options = Files.readString(app.resolve("jvm.options")).trim();
		boolean aotCache = options.startsWith("-XX:AOTCache=");
		assertThat(options).matches("-XX:(AOTCache=taskflow\\.aot|SharedArchiveFile=taskflow\\.jsa)");
		assertThat(app.resolve(options.replaceAll(".*=", ""))).isNotEmptyFile();
		try (var leftovers = Files.list(tmp)) {
			assertThat(leftovers).as("the training run's database is removed").isEmpty();
		}

		Path log = work.resolve("taskflow.log");
		// the ENTRYPOINT as it is, run by this JVM, with the archive made compulsory
		List<String> command = new ArrayList<>();
		Matcher argument = Pattern.compile("\"([^\"]*)\"").matcher(DockerfileTests.entrypoint());
		while (argument.find()) {
			command.add(command.isEmpty() ? java() : argument.group(1));
		}
		assertThat(command).contains("@jvm.options");
		command.add(command.indexOf("@jvm.options") + 1, aotCache ? "-XX:AOTMode=on" : "-Xshare:on");
		command.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		ProcessBuilder start = new ProcessBuilder(command).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		start.environment().put("TASKFLOW_DATA_DIR", work.resolve("data").toString());
		Process process = start.start();
		try {
			await().atMost(Duration.ofMinutes(3))
				.until(() -> Files.readString(log).contains("Tomcat started on port") || !process.isAlive());
			Matcher port = Pattern.compile("Tomcat started on port (\\d+)").matcher(Files.readString(log));
			assertThat(port.find()).as("started with the archive:%n%s", Files.readString(log)).isTrue();
			HttpClient http = HttpClient.newHttpClient();
			HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://localhost:" + port.group(1) + "/actuator/health/readiness"))
				.timeout(Duration.ofMinutes(1))
				.build();
			await().atMost(Duration.ofMinutes(1))
				.until(() -> http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
		}
		finally {
			process.destroy();
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** Runs a command with this JVM first on the PATH (an archive is valid only for the JVM that wrote it). */
	private static void run(Path directory, Path tmp, List<String> command) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().merge("PATH", Path.of(java()).getParent().toString(), (path, bin) -> bin + ":" + path);
		builder.environment().put("TMPDIR", tmp.toString());
		builder.environment().put("TRAINING_PORT", String.valueOf(freePort()));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (var paths = Files.walk(from)) {
			for (Path path : paths.toList()) {
				Path target = to.resolve(from.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(path, target);
				}
			}
		}
	}
}
