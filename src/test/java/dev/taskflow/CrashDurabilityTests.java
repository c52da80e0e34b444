package dev.taskflow;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded mode keeps what it acknowledged when its process is killed: TaskFlow runs in a JVM of
 * its own on a file database, several clients write to it, the JVM gets SIGKILL mid-load, and a new
 * JVM on the same data directory must show every write that was answered 2xx, with its events in the
 * audit trail, and hand out no id twice.
 */
class CrashDurabilityTests {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final int WRITERS = 6;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyAcknowledgedWriteAndItsEventsSurviveAKilledProcess(@TempDir Path dataDir) throws Exception {
		int port = freePort();
		String base = "http://localhost:" + port;
		Map<Long, AcknowledgedTask> acknowledged = new ConcurrentHashMap<>();
		String token;

		Process first = startTaskFlow(dataDir, port, "first");
		try {
			awaitReady(base);
			token = signUpAndIssueToken(base);
			writeUntilKilled(base, token, first, acknowledged);
		}
		finally {
			first.destroyForcibly().waitFor();
		}
		assertThat(acknowledged).as("acknowledged tasks before the kill").hasSizeGreaterThan(WRITERS);

		Process second = startTaskFlow(dataDir, port, "second");
		try {
			awaitReady(base);
			for (AcknowledgedTask task : acknowledged.values()) {
				assertSurvived(base, token, task);
			}
			long highestAcknowledgedId = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
			JsonNode fresh = json.readTree(send(base, token, "POST", "/api/tasks", "{\"title\": \"after the crash\"}").body());
			assertThat(fresh.get("id").asLong()).as("ids are never handed out twice").isGreaterThan(highestAcknowledgedId);
		}
		finally {
			second.destroy();
			second.waitFor();
		}
	}

	/** Writers create, rename, complete and delete their own tasks until the process is killed under them. */
	private void writeUntilKilled(String base, String token, Process app, Map<Long, AcknowledgedTask> acknowledged)
			throws InterruptedException {
		AtomicBoolean killed = new AtomicBoolean();
		AtomicInteger acknowledgedWrites = new AtomicInteger();
		CountDownLatch done = new CountDownLatch(WRITERS);
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			Thread thread = new Thread(() -> {
				try {
					for (int n = 0; !killed.get(); n++) {
						writeOneTask(base, token, "w" + writer + "-" + n, n, acknowledged, acknowledgedWrites);
					}
				}
				catch (IOException | InterruptedException ended) {
					// The process is gone: the request in flight was never acknowledged.
				}
				catch (Throwable unexpected) {
					failures.add(unexpected);
				}
				finally {
					done.countDown();
				}
			});
			thread.setDaemon(true);
			thread.start();
		}
		// Kill once enough has been acknowledged that the last moments' writes are surely among them.
		await().atMost(START_TIMEOUT).until(() -> acknowledgedWrites.get() >= 400 || !app.isAlive());
		killed.set(true);
		app.destroyForcibly();
		done.await();
		assertThat(failures).as("unexpected answers while writing").isEmpty();
	}

	private void writeOneTask(String base, String token, String title, int n, Map<Long, AcknowledgedTask> acknowledged,
			AtomicInteger acknowledgedWrites) throws IOException, InterruptedException {
		HttpResponse<String> created = send(base, token, "POST", "/api/tasks",
				"{\"title\": \"" + title + "\", \"tags\": [\"crash\"]}");
		assertThat(created.statusCode()).isEqualTo(201);
		long id = json.readTree(created.body()).get("id").asLong();
		AcknowledgedTask task = new AcknowledgedTask(id, title, "pending", false, new ArrayList<>(List.of("task.created")));
		acknowledged.put(id, task);
		acknowledgedWrites.incrementAndGet();

		String renamed = title + " renamed";
		acknowledged.put(id, task.awaitingAnswer());
		HttpResponse<String> patched = send(base, token, "PATCH", "/api/tasks/" + id, "{\"title\": \"" + renamed + "\"}");
		assertThat(patched.statusCode()).isEqualTo(200);
		task = task.then(renamed, "pending", false, "task.updated");
		acknowledged.put(id, task);
		acknowledgedWrites.incrementAndGet();

		if (n % 3 == 0) {
			return;
		}
		acknowledged.put(id, task.awaitingAnswer());
		HttpResponse<String> completed = send(base, token, "POST", "/api/tasks/" + id + "/complete", null);
		assertThat(completed.statusCode()).isEqualTo(200);
		task = task.then(renamed, "completed", false, "task.completed");
		acknowledged.put(id, task);
		acknowledgedWrites.incrementAndGet();

		if (n % 3 == 1) {
			return;
		}
		acknowledged.put(id, task.awaitingAnswer());
		HttpResponse<String> deleted = send(base, token, "DELETE", "/api/tasks/" + id, null);
		assertThat(deleted.statusCode()).isEqualTo(204);
		acknowledged.put(id, task.then(renamed, "completed", true, "task.deleted"));
		acknowledgedWrites.incrementAndGet();
	}

	private void assertSurvived(String base, String token, AcknowledgedTask expected) throws Exception {
		HttpResponse<String> read = send(base, token, "GET", "/api/tasks/" + expected.id(), null);
		if (expected.inFlight()) {
			// Killed while a change was on its way: committed or not, both are right; only what was
			// acknowledged before it is certain.
			assertThat(read.statusCode()).isIn(200, 404);
		}
		else if (expected.deleted()) {
			assertThat(read.statusCode()).as("task %d was deleted", expected.id()).isEqualTo(404);
		}
		else {
			assertThat(read.statusCode()).as("task %d was acknowledged", expected.id()).isEqualTo(200);
			JsonNode task = json.readTree(read.body());
			assertThat(task.get("title").asString()).isEqualTo(expected.title());
			assertThat(task.get("status").asString()).isEqualTo(expected.status());
		}
		// The audit trail is filled by a consumer that catches up with the outbox after the restart.
		await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
			HttpResponse<String> history = send(base, token, "GET", "/api/tasks/" + expected.id() + "/history", null);
			assertThat(history.statusCode()).isEqualTo(200);
			List<String> types = new ArrayList<>();
			json.readTree(history.body()).forEach(entry -> types.add(entry.get("event_type").asString()));
			assertThat(types).as("events of task %d", expected.id()).containsAll(expected.events());
		});
	}

	private Process startTaskFlow(Path dataDir, int port, String name) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				TaskFlowApplication.class.getName(), "--server.port=" + port,
				"--TASKFLOW_DATA_DIR=" + dataDir.toAbsolutePath())
			.redirectErrorStream(true)
			.redirectOutput(dataDir.resolve(name + ".log").toFile());
		return builder.start();
	}

	private void awaitReady(String base) {
		await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> http
			.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
					HttpResponse.BodyHandlers.ofString())
			.statusCode() == 200);
	}

	private String signUpAndIssueToken(String base) throws Exception {
		String email = "crash@example.com";
		String password = "durable enough secret 1";
		HttpResponse<String> signUp = send(base, null, "POST", "/api/accounts",
				"{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
		assertThat(signUp.statusCode()).isEqualTo(201);
		String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes());
		HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tokens"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"crash\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(issued.statusCode()).isEqualTo(201);
		return json.readTree(issued.body()).get("token").asString();
	}

	private HttpResponse<String> send(String base, String token, String method, String path, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (body != null) {
			request.header("Content-Type",
					method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** What a client was told about a task; {@code inFlight} while a further change awaits its answer. */
	private record AcknowledgedTask(long id, String title, String status, boolean deleted, List<String> events,
			boolean inFlight) {

		AcknowledgedTask(long id, String title, String status, boolean deleted, List<String> events) {
			this(id, title, status, deleted, events, false);
		}

		AcknowledgedTask awaitingAnswer() {
			return new AcknowledgedTask(id, title, status, deleted, events, true);
		}

		AcknowledgedTask then(String newTitle, String newStatus, boolean nowDeleted, String event) {
			List<String> more = new ArrayList<>(events);
			more.add(event);
			return new AcknowledgedTask(id, newTitle, newStatus, nowDeleted, more);
		}
	}
}
