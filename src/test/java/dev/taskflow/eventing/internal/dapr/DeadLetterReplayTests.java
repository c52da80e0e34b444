package dev.taskflow.eventing.internal.dapr;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import dev.taskflow.eventing.Topics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code replay} role over real HTTP, with {@link SidecarStandIn} as the sidecar: what it
 * subscribes to, and how a dead letter goes back to its topic.
 */
@DaprTest
@TestPropertySource(properties = "taskflow.eventing.roles=audit,replay")
class DeadLetterReplayTests {

	private static final SidecarStandIn sidecar = DaprTest.SIDECAR;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@BeforeEach
	void healthySidecar() {
		sidecar.recover();
	}

	@Test
	void everyDeadLetterTopicIsSubscribedWithoutADeadLetterTopicOfItsOwn() throws Exception {
		JsonNode subscriptions = json.readTree(send(fromDapr("/dapr/subscribe").GET()).body());

		for (String topic : Topics.ALL) {
			JsonNode replay = subscriptions.valueStream()
				.filter(subscription -> subscription.get("topic").asString().equals(topic + "-dlq"))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no subscription to " + topic + "-dlq"));
			assertThat(replay.get("route").asString()).isEqualTo("/dapr/replay/" + topic);
			assertThat(replay.get("pubsubname").asString()).isEqualTo("taskflow-pubsub");
			assertThat(replay.has("deadLetterTopic")).isFalse();
		}
		assertThat(subscriptions.valueStream().map(subscription -> subscription.get("topic").asString()))
			.as("the audit role still reads its topic").contains("task-events");
	}

	@Test
	void aDeadLetterIsPublishedToItsTopicUnchanged() throws Exception {
		ObjectNode deadLetter = deadLetter("task-events", "42");

		assertThat(replay("task-events", deadLetter.toString())).isEqualTo("SUCCESS");

		SidecarStandIn.Request published = sidecar.acceptedPublishes().stream()
			.filter(request -> request.body().contains(deadLetter.get("id").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the dead letter was not published again"));
		assertThat(published.path()).isEqualTo("/v1.0/publish/taskflow-pubsub/task-events");
		assertThat(published.query()).isEqualTo("metadata.partitionKey=42");
		assertThat(published.header("dapr-api-token")).isEqualTo(DaprTest.DAPR_API_TOKEN);
		JsonNode event = json.readTree(published.body());
		assertThat(event.get("id").asString()).isEqualTo(deadLetter.get("id").asString());
		assertThat(event.get("type").asString()).isEqualTo("task.created");
		assertThat(event.get("data")).isEqualTo(json.readTree(deadLetter.get("data").toString()));
	}

	@Test
	void aDeadLetterTheSidecarCannotPublishYetIsRetried() throws Exception {
		sidecar.answerPublishesWith(500);

		assertThat(replay("task-events", deadLetter("task-events", "7").toString())).isEqualTo("RETRY");
	}

	@Test
	void whatIsNotACloudEventOfOursOrNotOfAKnownTopicIsDropped() throws Exception {
		assertThat(replay("task-events", "not JSON")).isEqualTo("DROP");
		assertThat(replay("task-events", "{\"hello\": \"world\"}")).isEqualTo("DROP");
		assertThat(replay("no-such-topic", deadLetter("no-such-topic", "1").toString())).isEqualTo("DROP");
	}

	/** A CloudEvent as daprd hands it over from {@code <topic>-dlq}. */
	private ObjectNode deadLetter(String topic, String partitionKey) {
		ObjectNode event = json.createObjectNode();
		event.put("specversion", "1.0");
		event.put("id", UUID.randomUUID().toString());
		event.put("source", "/taskflow/tasks");
		event.put("type", "task.created");
		event.put("time", "2026-11-28T10:00:00Z");
		event.put("datacontenttype", "application/json");
		event.put("subject", partitionKey);
		event.put("partitionkey", partitionKey);
		event.put("topic", topic + "-dlq");
		event.put("pubsubname", "taskflow-pubsub");
		ObjectNode data = event.putObject("data");
		data.put("event_id", event.get("id").asString());
		data.put("event_type", "task.created");
		data.put("task_id", Long.parseLong(partitionKey));
		return event;
	}

	private String replay(String topic, String body) throws Exception {
		HttpResponse<String> response = send(fromDapr("/dapr/replay/" + topic)
			.header("Content-Type", "application/cloudevents+json")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(200);
		return json.readTree(response.body()).get("status").asString();
	}

	private HttpRequest.Builder fromDapr(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("dapr-api-token", DaprTest.APP_API_TOKEN);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
