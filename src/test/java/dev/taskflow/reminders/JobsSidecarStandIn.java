package dev.taskflow.reminders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.taskflow.eventing.Topics;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stand-in for the Dapr sidecar's HTTP API with the Jobs API: it records every request, accepts
 * publishes (204), answers health checks (204), and answers job calls ({@code /v1.0-alpha1/jobs/…})
 * with whatever status a test asks for. It does not call the app back: tests play the sidecar's part
 * of delivering events and triggering jobs themselves.
 */
final class JobsSidecarStandIn {

	/** One call as the sidecar saw it; header names in lower case. */
	record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
			int answeredWith) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null ? null : String.join(",", values);
		}

		boolean isJob() {
			return path.startsWith("/v1.0-alpha1/jobs/");
		}

		String jobName() {
			return path.substring("/v1.0-alpha1/jobs/".length());
		}

		/** A publish to {@code topic} keyed by {@code key}. */
		boolean isPublish(String topic, String key) {
			return method.equals("POST") && path.equals("/v1.0/publish/taskflow-pubsub/" + topic)
					&& ("metadata.partitionKey=" + key).equals(query);
		}
	}

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private volatile int jobsStatus = 204;

	private volatile CountDownLatch stall = new CountDownLatch(0);

	private final ExecutorService workers = Executors.newCachedThreadPool(work -> {
		Thread thread = new Thread(work, "jobs-sidecar-stand-in");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpServer server;

	JobsSidecarStandIn() {
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/", this::answer);
		server.setExecutor(workers);
		server.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<Request> requests() {
		return List.copyOf(requests);
	}

	List<Request> jobCalls() {
		return requests.stream().filter(Request::isJob).toList();
	}

	/** Accepted publishes to {@code topic} keyed by {@code key}, in arrival order. */
	List<Request> published(String topic, long key) {
		return requests.stream().filter(request -> request.isPublish(topic, String.valueOf(key))).toList();
	}

	void answerJobsWith(int status) {
		this.jobsStatus = status;
	}

	/** Takes job calls in but answers none of them until {@link #reset()}. */
	void hangOnJobs() {
		stall = new CountDownLatch(1);
	}

	void reset() {
		stall.countDown();
		jobsStatus = 204;
	}

	/**
	 * Delivers the {@code n}th {@code task-events} message published for {@code taskId} to the app at
	 * {@code appBase}, as daprd does; the app's answer ({@code SUCCESS}, {@code RETRY} or {@code DROP}).
	 */
	String deliverTaskEvent(String appBase, String appApiToken, long taskId, int n) throws Exception {
		Request published = await().until(() -> published(Topics.TASK_EVENTS, taskId), events -> events.size() >= n)
			.get(n - 1);
		ObjectNode event = (ObjectNode) JSON.readTree(published.body());
		event.put("topic", Topics.TASK_EVENTS);
		event.put("pubsubname", "taskflow-pubsub");
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(appBase + "/dapr/" + Topics.TASK_EVENTS))
			.header("dapr-api-token", appApiToken)
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(event)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("status").asString();
	}

	private void awaitRelease() {
		try {
			stall.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = path.startsWith("/v1.0/healthz") || path.startsWith("/v1.0/publish/") ? 204
					: path.startsWith("/v1.0-alpha1/jobs/") ? jobsStatus : 404;
			Map<String, List<String>> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
			requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers,
					body, status));
			if (path.startsWith("/v1.0-alpha1/jobs/")) {
				awaitRelease();
			}
			if (status == 204) {
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			byte[] error = "{\"errorCode\":\"ERR_SCHEDULE_JOB\",\"message\":\"stand-in says %d\"}".formatted(status)
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, error.length);
			exchange.getResponseBody().write(error);
		}
	}
}
