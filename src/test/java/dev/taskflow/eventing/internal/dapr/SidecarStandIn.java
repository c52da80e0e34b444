package dev.taskflow.eventing.internal.dapr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Dapr sidecar's HTTP API on a local port: it records every request and answers
 * publishes and health checks with whatever status a test asks for, hangs, or stops listening
 * altogether (and comes back on the same port) to play a dead sidecar. Its state API keeps ETags and
 * refuses a first-write save whose ETag is stale with 409, as Dapr does.
 */
final class SidecarStandIn implements AutoCloseable {

	/** {@link Request#answeredWith()} of a call that got no answer. */
	static final int NO_ANSWER = 0;

	/** One call as the sidecar saw it; header names in lower case. */
	record Request(String method, String path, String query, Map<String, List<String>> headers, String body,
			int answeredWith) {

		String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null ? null : String.join(",", values);
		}

		boolean isPublish() {
			return method.equals("POST") && path.startsWith("/v1.0/publish/");
		}
	}

	private static final String STATE = "/v1.0/state/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, String> state = new java.util.concurrent.ConcurrentHashMap<>();

	/** Each key's ETag: a number that grows with every write. */
	private final Map<String, Long> versions = new java.util.concurrent.ConcurrentHashMap<>();

	/** Keys ("store/key") whose next save with an ETag finds that another writer got there first. */
	private final java.util.Set<String> conflictNext = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private volatile int publishStatus = 204;

	private volatile int healthStatus = 204;

	/** The body of every error answer; {@code null} for Dapr's usual JSON naming the status. */
	private volatile String errorBody;

	private volatile CountDownLatch stall = new CountDownLatch(0);

	private final ExecutorService workers = Executors.newCachedThreadPool(work -> {
		Thread thread = new Thread(work, "sidecar-stand-in");
		thread.setDaemon(true);
		return thread;
	});

	private volatile HttpServer server;

	private final int port;

	SidecarStandIn() {
		this.server = listen(0);
		this.port = server.getAddress().getPort();
	}

	String endpoint() {
		return "http://127.0.0.1:" + port;
	}

	List<Request> requests() {
		return List.copyOf(requests);
	}

	List<Request> publishes() {
		return requests.stream().filter(Request::isPublish).toList();
	}

	/** Publishes the sidecar accepted (answered 204), in arrival order. */
	List<Request> acceptedPublishes() {
		return publishes().stream().filter(request -> request.answeredWith() == 204).toList();
	}

	void answerPublishesWith(int status) {
		this.publishStatus = status;
	}

	/** Sends this body, as UTF-8, with every error answer (a failed publish, an unknown path such as the Jobs API). */
	void answerErrorsWithBody(String body) {
		this.errorBody = body;
	}

	void answerHealthChecksWith(int status) {
		this.healthStatus = status;
	}

	/** Takes publishes in but answers none of them until {@link #recover()}. */
	void hangOnPublishes() {
		stall = new CountDownLatch(1);
	}

	/** Closes the port: connections are refused, as with a sidecar that is not running. */
	synchronized void becomeUnreachable() {
		if (server != null) {
			server.stop(0);
			server = null;
		}
	}

	/** Listens again on the same port and answers 204 to everything. */
	synchronized void recover() {
		stall.countDown();
		answerPublishesWith(204);
		answerHealthChecksWith(204);
		if (server == null) {
			server = listen(port);
		}
	}

	void forget() {
		requests.clear();
	}

	@Override
	public synchronized void close() {
		stall.countDown();
		becomeUnreachable();
		workers.shutdownNow();
	}

	private void awaitRelease() {
		try {
			stall.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private HttpServer listen(int port) {
		try {
			HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			http.createContext("/", this::answer);
			http.setExecutor(workers);
			http.start();
			return http;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The state API (Dapr's documented contract): POST a list of key/value items, GET a key (204 if none), DELETE it. */
	private void answerState(HttpExchange exchange, String path, String body) throws IOException {
		String[] parts = path.substring(STATE.length()).split("/", 2);
		String store = parts[0];
		int status;
		byte[] answer = new byte[0];
		if (exchange.getRequestMethod().equals("POST") && parts.length == 1) {
			status = 204;
			synchronized (state) {
				for (JsonNode item : JSON.readTree(body)) {
					String key = store + "/" + item.get("key").asString();
					if (item.hasNonNull("etag")) {
						if (conflictNext.remove(key)) {
							versions.merge(key, 1L, Long::sum);
						}
						if (!item.get("etag").asString().equals(String.valueOf(versions.get(key)))) {
							status = 409;
							continue;
						}
					}
					state.put(key, item.get("value").toString());
					versions.merge(key, 1L, Long::sum);
				}
			}
		}
		else if (exchange.getRequestMethod().equals("GET") && parts.length == 2) {
			String value = state.get(store + "/" + parts[1]);
			status = value == null ? 204 : 200;
			answer = value == null ? answer : value.getBytes(StandardCharsets.UTF_8);
			if (value != null) {
				exchange.getResponseHeaders().set("ETag", String.valueOf(versions.get(store + "/" + parts[1])));
			}
		}
		else if (exchange.getRequestMethod().equals("DELETE") && parts.length == 2) {
			state.remove(store + "/" + parts[1]);
			versions.remove(store + "/" + parts[1]);
			status = 204;
		}
		else {
			status = 400;
		}
		Map<String, List<String>> headers = new TreeMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
		requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers,
				body, status));
		if (answer.length == 0) {
			exchange.sendResponseHeaders(status, -1);
			return;
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, answer.length);
		exchange.getResponseBody().write(answer);
	}

	/** Plays another replica writing {@code storeAndKey} between the app's read and its next save with an ETag. */
	void conflictOnNextSaveOf(String storeAndKey) {
		conflictNext.add(storeAndKey);
	}

	/** What the state API holds, by "store/key", as JSON text. */
	Map<String, String> state() {
		return Map.copyOf(state);
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (path.startsWith(STATE)) {
				answerState(exchange, path, body);
				return;
			}
			boolean publish = path.startsWith("/v1.0/publish/");
			boolean hang = publish && stall.getCount() > 0;
			int status = hang ? NO_ANSWER
					: path.startsWith("/v1.0/healthz") ? healthStatus : publish ? publishStatus : 404;
			Map<String, List<String>> headers = new TreeMap<>();
			exchange.getRequestHeaders()
				.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
			requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
					headers, body, status));
			if (hang) {
				awaitRelease();
				return;
			}
			if (status == 204) {
				exchange.sendResponseHeaders(204, -1);
				return;
			}
			String errorText = errorBody != null ? errorBody
					: "{\"errorCode\":\"ERR_PUBSUB_PUBLISH_MESSAGE\",\"message\":\"stand-in says %d\"}".formatted(status);
			byte[] error = errorText.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, error.length);
			exchange.getResponseBody().write(error);
		}
	}
}
