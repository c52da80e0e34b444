package dev.taskflow.assistant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A language-model provider on a local port: it records every request and answers each with the next
 * scripted answer (a status and a body, or no answer at all, to play a model that times out). With
 * nothing scripted it answers 500, so an unexpected request shows up as a fallback, not a hang.
 * Registered as a static {@code @RegisterExtension} field, it starts each test afresh and stops with
 * the test class.
 */
public final class ModelStub implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

	public record Request(String method, String path, Map<String, String> headers, String body) {

		public String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		public JsonNode json() {
			return JSON.readTree(body);
		}
	}

	private record Answer(int status, String contentType, String body, boolean hang) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Queue<Answer> script = new ConcurrentLinkedQueue<>();

	private volatile CountDownLatch hanging = new CountDownLatch(1);

	private final ExecutorService workers = Executors.newCachedThreadPool(work -> {
		Thread thread = new Thread(work, "model-stub");
		thread.setDaemon(true);
		return thread;
	});

	private final HttpServer server;

	public ModelStub() {
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

	public String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	/** Answers the next request with 200 and this JSON. */
	public ModelStub answerJson(String json) {
		return answer(200, "application/json", json);
	}

	public ModelStub answer(int status, String contentType, String body) {
		script.add(new Answer(status, contentType, body, false));
		return this;
	}

	/** Takes the next request in and never answers it (until {@link #reset()}). */
	public ModelStub hang() {
		script.add(new Answer(0, null, null, true));
		return this;
	}

	public List<Request> requests() {
		return List.copyOf(requests);
	}

	/** Forgets requests and script, and lets hanging requests go. */
	public void reset() {
		hanging.countDown();
		hanging = new CountDownLatch(1);
		script.clear();
		requests.clear();
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		reset();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		hanging.countDown();
		server.stop(0);
		workers.shutdownNow();
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
			Answer answer = script.poll();
			if (answer == null) {
				answer = new Answer(500, "application/json", "{\"error\":{\"message\":\"nothing scripted\"}}", false);
			}
			if (answer.hang()) {
				CountDownLatch latch = hanging;
				try {
					latch.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return;
			}
			byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", answer.contentType());
			exchange.sendResponseHeaders(answer.status(), bytes.length);
			exchange.getResponseBody().write(bytes);
		}
	}
}
