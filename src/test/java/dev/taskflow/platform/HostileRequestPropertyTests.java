package dev.taskflow.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.taskflow.TaskFlowApplication;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against the real application over real HTTP: JSON bodies of wrong shapes and
 * extreme values, broken query strings, odd paths, methods, media types and bytes that are not UTF-8.
 * Whatever arrives, the answer is never a 500, every error under {@code /api} is problem+json, and
 * nothing is logged at ERROR. Requests go over a raw socket so that malformed ones reach the server
 * as written (an HTTP client library would refuse to send them).
 */
class HostileRequestPropertyTests {

	private static final List<String> FIELDS = List.of("title", "description", "status", "priority", "tags", "due_at",
			"recurrence", "recurrence_from", "reminders", "version", "id", "x");

	private static final List<String> FILTERS = List.of("status", "priority", "tag", "tag_mode", "due_from", "due_to",
			"overdue", "no_due_date", "q", "sort", "limit", "cursor", "", "a");

	private static final List<String> ODD_STRINGS = List.of("", " ", "%", "%zz", "%2F", "%00", "%C3%28", "=", "&",
			"..", "../..", ";", "\\", "İ".repeat(200), "-999999999-01-01T00:00:00+18:00", "+1000000000-01-01",
			"0000-01-01", "1800-01-01T09:00:00", "2026-12-01T09:00:00+01:00:30", "2026-12-01", "2026-12-01T09:00:00Z",
			"FREQ=MONTHLY;INTERVAL=2147483647", "FREQ=SECONDLY", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
			"FREQ=DAILY;UNTIL=20261301", "daily", "PT15M", "-PT1M", "P99999999D", "pending", "completed", "high",
			",", "-", "title,,due", "\u0000", "\uFFFF", "\uD83D\uDE00", "9".repeat(40), "<script>", "' or 1=1 --");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext app;

	private static int port;

	private static String token;

	private static ListAppender<ILoggingEvent> errors;

	@BeforeContainer
	static void start() throws IOException {
		app = new SpringApplicationBuilder(TaskFlowApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:hostile-" + UUID.randomUUID()
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		port = ((WebServerApplicationContext) app).getWebServer().getPort();
		String email = "hostile-" + UUID.randomUUID() + "@example.com";
		String password = "a long enough passphrase";
		Answer account = send("POST", "/api/accounts", "Content-Type: application/json\r\n",
				utf8("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"));
		assertThat(account.status()).isEqualTo(201);
		String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
		Answer issued = send("POST", "/api/tokens",
				"Authorization: Basic " + basic + "\r\nContent-Type: application/json\r\n", utf8("{\"name\": \"p\"}"));
		assertThat(issued.status()).isEqualTo(201);
		token = JSON.readTree(issued.body()).get("token").asString();
		errors = new ListAppender<>();
		errors.start();
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(errors);
	}

	@AfterContainer
	static void stop() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(errors);
		app.close();
	}

	@BeforeTry
	void forgetEarlierLogs() {
		errors.list.clear();
	}

	@Example
	void aWildcardContentTypeIsAnUnsupportedMediaType() {
		for (String pattern : List.of("*/*", "application/*")) {
			Answer answer = send("POST", "/api/tasks", auth() + "Content-Type: " + pattern + "\r\n",
					utf8("{\"title\": \"x\"}"));
			assertWellAnswered(answer);
			assertThat(answer.status()).as("status of %s", answer).isEqualTo(415);
		}
	}

	/**
	 * Requests Tomcat refuses before any servlet runs: an encoded slash, backslash or NUL in the path, a
	 * header too large, a malformed one. The answer is a whole problem, not one cut off before its end.
	 */
	@Example
	void requestsTheContainerRefusesGetAWholeProblem() {
		List<Answer> answers = List.of(send("GET", "/api/tasks/1%2F2", auth(), null),
				send("GET", "/api/tasks/%5C", auth(), null), send("GET", "/api/tasks/%00", auth(), null),
				send("GET", "/api/tasks", auth() + "X-Big: " + "x".repeat(20_000) + "\r\n", null),
				send("POST", "/api/tasks", auth() + "Content-Length: abc\r\n", null),
				send("GET", "/api/tasks", auth() + "no colon here\r\n", null),
				send("GET", "//api/tasks", auth(), null));
		for (Answer answer : answers) {
			assertWellAnswered(answer);
			assertThat(answer.status()).as("status of %s", answer).isEqualTo(400);
			assertThat(JSON.readTree(answer.body()).get("status").asInt()).as("body of %s", answer).isEqualTo(400);
		}
	}

	/**
	 * The same refusals where the encoded or odd part comes right after {@code /api}, so the raw path does
	 * not start with {@code /api/}: still the API's problem. A page gets TaskFlow's own error page rather
	 * than Tomcat's, and neither names the server.
	 */
	@Example
	void requestsTheContainerRefusesAnswerAsTheApiOrThePageTheyAddress() {
		for (String target : List.of("/api%2Ftasks", "/api%2ftasks", "/api%5Ctasks", "/api\\tasks",
				"/api;jsessionid=0123/tasks", "/api/tasks/%zz", "/api/" + "x".repeat(70_000))) {
			Answer answer = send("GET", target, auth(), null);
			assertWellAnswered(answer);
			assertThat(JSON.readTree(answer.body()).get("status").asInt()).as("body of %s", answer)
				.isEqualTo(answer.status());
		}
		for (String target : List.of("/tasks%2Fx", "/tasks/%5C", "/tasks/%00", "/tasks;jsessionid=0123",
				"/tasks/%zz")) {
			Answer answer = send("GET", target, "Accept: text/html\r\n", null);
			assertThat(answer.status()).as("status of %s", answer).isEqualTo(400);
			assertThat(answer.contentType()).as("content type of %s", answer).startsWith("text/html");
			assertThat(answer.body()).as("body of %s", answer).contains("· TaskFlow</title>")
				.contains("href=\"/\"")
				.doesNotContainIgnoringCase("tomcat");
		}
	}

	/** The one path whose answer never ends by itself; {@link Answer#read} stops after its head. */
	@Example
	void theLiveStreamAnswersWithItsHead() {
		for (String accept : List.of("", "Accept: */*\r\n", "Accept: text/event-stream\r\n")) {
			Answer answer = send("GET", "/api/stream", auth() + accept, null);
			assertWellAnswered(answer);
			assertThat(answer.status()).as("status of %s", answer).isEqualTo(200);
			assertThat(answer.contentType()).as("content type of %s", answer).startsWith("text/event-stream");
		}
	}

	@Property(tries = 150)
	void anyJsonBodyGetsAnAnswerThatIsNotA500(@ForAll("bodies") String body, @ForAll("writes") String method) {
		String path = method.equals("POST") ? "/api/tasks" : "/api/tasks/" + existingTask();
		String contentType = method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
		assertWellAnswered(send(method, path, auth() + "Content-Type: " + contentType + "\r\n", utf8(body)));
	}

	@Property(tries = 150)
	void anyQueryStringGetsAnAnswerThatIsNotA500(@ForAll("queries") String query) {
		assertWellAnswered(send("GET", "/api/tasks?" + query, auth(), null));
	}

	@Property(tries = 150)
	void anyPathMethodAndHeadersGetAnAnswerThatIsNotA500(@ForAll("paths") String path,
			@ForAll("methods") String method, @ForAll("headers") String headers, @ForAll("rawBodies") byte[] body) {
		assertWellAnswered(send(method, path, auth() + headers, body));
	}

	@Provide
	Arbitrary<String> bodies() {
		Arbitrary<String> value = Arbitraries.lazyOf(() -> Arbitraries.oneOf(
				Arbitraries.of(ODD_STRINGS).map(HostileRequestPropertyTests::quoted),
				Arbitraries.strings().ofMaxLength(30).map(HostileRequestPropertyTests::quoted),
				Arbitraries.of("null", "true", "false", "0", "-1", "2147483648", "1e308", "1.5", "{}", "[]",
						"{\"a\": 1}", "[\"PT1M\"]", "[{\"before\": {\"a\": 1}}]", "[{\"at\": []}]",
						"[{\"before\": \"PT15M\", \"at\": \"2026-12-01T09:00:00Z\"}]", "[null]", "[1, 2]")));
		Arbitrary<String> member = Combinators.combine(Arbitraries.of(FIELDS), value)
			.as((name, v) -> quoted(name) + ": " + v);
		Arbitrary<String> object = member.list().ofMaxSize(6).map(members -> "{" + String.join(", ", members) + "}");
		return Arbitraries.oneOf(object, object, object, Arbitraries.of("", "[]", "null", "\"x\"", "{", "{\"title\":}",
				"{\"title\": \"x\",,}", "{\"title\": \"\\ud800\"}"));
	}

	@Provide
	Arbitrary<String> writes() {
		return Arbitraries.of("POST", "PUT", "PATCH");
	}

	@Provide
	Arbitrary<String> queries() {
		Arbitrary<String> pair = Combinators.combine(Arbitraries.of(FILTERS),
				Arbitraries.oneOf(Arbitraries.of(ODD_STRINGS), Arbitraries.strings().alpha().numeric().ofMaxLength(8)))
			.as((name, value) -> name + "=" + rawQuery(value));
		return pair.list().ofMaxSize(5).map(pairs -> String.join("&", pairs));
	}

	@Provide
	Arbitrary<String> paths() {
		Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("tasks", "1", "999999999999", "-1", "history",
				"complete", "views", "tokens", "accounts", "me", "stream", "chat", "x", "..", ".", "%2F", "%2e%2e", "%",
				"%zz", "%00", ";jsessionid=1", "..;", "%C3%28", "%E2%82", "9".repeat(30), "a%20b"),
				Arbitraries.strings().alpha().ofMaxLength(6));
		return segment.list().ofMinSize(1).ofMaxSize(4).map(segments -> "/api/" + String.join("/", segments));
	}

	@Provide
	Arbitrary<String> methods() {
		return Arbitraries.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "OPTIONS", "HEAD", "FOO");
	}

	@Provide
	Arbitrary<String> headers() {
		Arbitrary<String> accept = Arbitraries.of("", "Accept: */*\r\n", "Accept: application/json\r\n",
				"Accept: text/html\r\n", "Accept: a/b/c;;\r\n", "Accept: ;q=x\r\n", "Accept: application/json;q=2\r\n");
		Arbitrary<String> contentType = Arbitraries.of("", "Content-Type: application/json\r\n",
				"Content-Type: */*\r\n", "Content-Type: text/plain\r\n", "Content-Type: application/json; charset=x\r\n",
				"Content-Type: ;;\r\n", "Content-Type: application/merge-patch+json\r\n");
		return Combinators.combine(accept, contentType).as(String::concat);
	}

	@Provide
	Arbitrary<byte[]> rawBodies() {
		return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
				Arbitraries.of(new byte[] { '{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe,
						'"', '}' }, utf8("{\"title\": \"x\"}"))).injectNull(0.3);
	}

	private void assertWellAnswered(Answer answer) {
		assertThat(answer.status()).as("status of %s", answer).isBetween(100, 499);
		assertThat(answer.complete()).as("%s arrived whole", answer).isTrue();
		if (answer.status() >= 400 && !answer.request().startsWith("HEAD")) {
			assertThat(answer.contentType()).as("content type of %s", answer).startsWith("application/problem+json");
		}
		assertThat(errors.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.ERROR))
			.map(ILoggingEvent::getFormattedMessage)).as("ERROR logs for %s", answer).isEmpty();
	}

	private static long existingTask() {
		Answer created = send("POST", "/api/tasks", auth() + "Content-Type: application/json\r\n",
				utf8("{\"title\": \"target\"}"));
		assertThat(created.status()).isEqualTo(201);
		return JSON.readTree(created.body()).get("id").asLong();
	}

	private static String auth() {
		return "Authorization: Bearer " + token + "\r\n";
	}

	private static String quoted(String text) {
		return JSON.writeValueAsString(text);
	}

	/** Query values as a careless client writes them: spaces encoded, everything else as it is. */
	private static String rawQuery(String value) {
		StringBuilder raw = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			raw.append(c <= ' ' || c >= 0x7f || c == '#' ? String.format(Locale.ROOT, "%%%02X", c) : (char) c);
		}
		return raw.toString();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static Answer send(String method, String target, String headers, byte[] body) {
		String head = method + " " + target + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
				+ headers + (body == null ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				out.write(body);
			}
			out.flush();
			return Answer.read(method + " " + target, socket.getInputStream());
		}
		catch (IOException ex) {
			throw new IllegalStateException("no answer to " + method + " " + target, ex);
		}
	}

	/** The status line, content type and body of a raw HTTP/1.1 answer. */
	private record Answer(String request, int status, String contentType, String body, boolean complete) {

		/**
		 * Reads the head, then the body to the end, except for an event stream: {@code GET /api/stream}
		 * is one of the paths this test may hit, and a live stream ends only after half an hour (its
		 * heartbeats come well within the socket's read time-out), so its answer is the head alone.
		 */
		static Answer read(String request, InputStream in) throws IOException {
			String head = head(in);
			List<String> lines = new ArrayList<>(List.of(head.split("\r\n")));
			int status = Integer.parseInt(lines.get(0).split(" ")[1]);
			String contentType = lines.stream()
				.filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-type:"))
				.map(line -> line.substring("content-type:".length()).strip())
				.findFirst()
				.orElse("");
			if (contentType.startsWith("text/event-stream")) {
				return new Answer(request, status, contentType, "", true);
			}
			String body = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); // one char per byte
			boolean chunked = lines.stream()
				.anyMatch(line -> line.toLowerCase(Locale.ROOT).replace(" ", "").equals("transfer-encoding:chunked"));
			String length = lines.stream()
				.filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
				.map(line -> line.substring("content-length:".length()).strip())
				.findFirst()
				.orElse(null);
			String bytes = chunked ? dechunk(body) : body;
			// a body cut off before its end, which a client reports as an error rather than an answer
			boolean complete = chunked ? bytes != null
					: length == null || request.startsWith("HEAD") || body.length() == Integer.parseInt(length);
			return new Answer(request, status, contentType,
					bytes == null ? body : new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8),
					complete);
		}

		/** Everything up to the blank line that ends the head (or to the end, if the server sends no more). */
		private static String head(InputStream in) throws IOException {
			StringBuilder head = new StringBuilder();
			int b;
			while ((b = in.read()) != -1) {
				head.append((char) b);
				if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
					return head.substring(0, head.length() - 4);
				}
			}
			return head.toString();
		}

		/** The body of a chunked answer, or null when it ends before the last (empty) chunk. */
		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				if (lineEnd < 0) {
					return null;
				}
				int length = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
				if (length == 0) {
					return body.toString();
				}
				if (lineEnd + 2 + length > chunked.length()) {
					return null;
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + length);
				at = lineEnd + 2 + length + 2;
			}
			return null;
		}

		@Override
		public String toString() {
			return request + " -> " + status + " " + contentType + " "
					+ body.substring(0, Math.min(body.length(), 200));
		}
	}
}
