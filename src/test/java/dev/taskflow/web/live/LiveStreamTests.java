package dev.taskflow.web.live;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.notifications.ReminderDueEvents;
import dev.taskflow.support.EventStreamClient;
import dev.taskflow.support.FormBrowser;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/stream} over real HTTP: what a user's open pages receive. A database of its own, so
 * no other test application's dispatcher delivers this one's events.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:live-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.live.heartbeat=200ms", "taskflow.live.max-streams-per-user=3" })
class LiveStreamTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	LiveStreams streams;

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<EventStreamClient> clients = new ArrayList<>();

	@AfterEach
	void hangUp() {
		clients.forEach(EventStreamClient::close);
	}

	@Test
	void notificationsAndTaskChangesReachEveryOpenStreamOfTheUserAndNobodyElse() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		EventStreamClient annsLaptop = connect(ann);
		EventStreamClient annsPhone = connect(ann);
		EventStreamClient bobs = connect(bob);

		consumers.deliver(consumers.consumer("notifications"), ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Buy Milk"));
		long id = json(mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Call mum\"}")).andExpect(status().isCreated()).andReturn()).get("id").asLong();
		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"priority\": \"high\"}")).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());

		for (EventStreamClient stream : List.of(annsLaptop, annsPhone)) {
			await().until(() -> stream.events("task.deleted").size() == 1 && stream.events("notification.created").size() == 1);
			JsonNode notification = data(stream.events("notification.created").get(0));
			assertThat(notification.get("message").asString()).isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 15 minutes");
			assertThat(notification.get("user_id").asString()).isEqualTo(ann.id());
			assertThat(stream.events()).filteredOn(e -> e.name().startsWith("task."))
				.extracting(EventStreamClient.Event::name)
				.containsExactly("task.created", "task.updated", "task.completed", "task.deleted");
			JsonNode updated = data(stream.events("task.updated").get(0));
			assertThat(updated.get("task_id").asLong()).isEqualTo(id);
			assertThat(updated.at("/task/priority").asString()).isEqualTo("high");
			assertThat(data(stream.events("task.deleted").get(0)).get("task").isNull()).isTrue();
			assertThat(stream.events()).allSatisfy(e -> assertThat(e.id()).isNotBlank());
		}

		// Bob's own change travels the same way after Ann's: had any of hers reached him, it would be here first.
		long bobsTask = json(mvc.perform(bob.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Bob's\"}")).andReturn()).get("id").asLong();
		await().until(() -> !bobs.events().isEmpty());
		assertThat(bobs.events()).singleElement().satisfies(event -> {
			assertThat(event.name()).isEqualTo("task.created");
			assertThat(data(event).get("task_id").asLong()).isEqualTo(bobsTask);
		});
		assertThat(annsLaptop.events()).noneMatch(e -> e.data().contains("Bob's"));
	}

	@Test
	void theStreamIsAnUnbufferedEventStreamWithHeartbeats() throws Exception {
		EventStreamClient stream = connect(TestUsers.signUp(mvc));
		HttpResponse<?> response = stream.response();

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/event-stream"));
		assertThat(response.headers().firstValue("X-Accel-Buffering")).hasValue("no");
		assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
				value -> assertThat(value).contains("no-cache"));
		// the security headers, which the filters add only to a response they see committed
		assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		await().until(() -> stream.comments().contains("keep-alive"));
	}

	@Test
	void aHeadRequestAnswersTheHeadersWithoutOpeningAStream() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		HttpRequest head = HttpRequest.newBuilder(URI.create(url()))
			.method("HEAD", HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Bearer " + ann.token())
			.build();

		// a client of its own: a connection a HEAD request left open would not answer the next request
		HttpResponse<Void> response = HttpClient.newHttpClient().send(head, HttpResponse.BodyHandlers.discarding());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("text/event-stream"));
		// a stream would take one of the user's and the address's places until its time-out, for no reader;
		// the stream opened next is registered after anything the HEAD request could have opened
		connect(ann);
		assertThat(streams.openStreams(UUID.fromString(ann.id()))).isEqualTo(1);
	}

	@Test
	void withoutAValidTokenOrSessionThereIsNoStream() throws Exception {
		EventStreamClient anonymous = EventStreamClient.open(http, url(), "tf_not-a-token");
		clients.add(anonymous);

		assertThat(anonymous.response().statusCode()).isEqualTo(401);
	}

	@Test
	void aClosedStreamIsForgotten() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventStreamClient stream = connect(ann);
		assertThat(streams.openStreams(UUID.fromString(ann.id()))).isEqualTo(1);

		stream.close();

		await().until(() -> streams.openStreams(UUID.fromString(ann.id())) == 0);
	}

	@Test
	void openingMoreStreamsThanAllowedEndsTheOldest() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventStreamClient oldest = connect(ann);
		List<EventStreamClient> newer = List.of(connect(ann), connect(ann), connect(ann));

		await().until(oldest::ended);
		assertThat(newer).noneMatch(EventStreamClient::ended);
		assertThat(streams.openStreams(UUID.fromString(ann.id()))).isEqualTo(3);
	}

	@Test
	void revokingATokenEndsItsOpenStreamsAtOnce() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventStreamClient stream = connect(ann);
		String tokenId = json(mvc.perform(ann.as(get("/api/tokens"))).andReturn()).get(0).get("id").asString();

		mvc.perform(ann.as(delete("/api/tokens/" + tokenId))).andExpect(status().isNoContent());

		await().until(stream::ended);
		assertThat(streams.openStreams(UUID.fromString(ann.id()))).isZero();
	}

	@Test
	void signingOutEndsTheSessionsStreamsQuietly(CapturedOutput output) throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		FormBrowser browser = FormBrowser.signedIn(port, ann);
		EventStreamClient stream = EventStreamClient.open(browser.http(),
				browser.request("/api/stream").header("Accept", "text/event-stream").GET().build());
		clients.add(stream);
		assertThat(stream.response().statusCode()).isEqualTo(200);
		await().until(() -> stream.comments().contains("connected"));

		browser.submit("/tasks", "/logout");

		await().until(stream::ended);
		await().until(() -> streams.openStreams(UUID.fromString(ann.id())) == 0);
		assertThat(output.getAll()).doesNotContain("AuthorizationDeniedException").doesNotContain("already committed");
	}

	/** Connects and waits for the greeting, after which the stream receives everything. */
	private EventStreamClient connect(TestUser user) throws Exception {
		EventStreamClient client = EventStreamClient.open(http, url(), user.token());
		clients.add(client);
		assertThat(client.response().statusCode()).isEqualTo(200);
		await().until(() -> client.comments().contains("connected"));
		return client;
	}

	private String url() {
		return base() + "/api/stream";
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private static JsonNode data(EventStreamClient.Event event) {
		return JSON.readTree(event.data());
	}
}
