package dev.taskflow.eventing.internal.dapr;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The routes daprd calls, called over real HTTP the way daprd calls them: the subscription list,
 * CloudEvent deliveries answered SUCCESS / DROP / RETRY, and the {@code APP_API_TOKEN} check.
 */
@DaprTest
class DaprDeliveryTests {

	private static final SidecarStandIn sidecar = DaprTest.SIDECAR;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	TestUser ann;

	@BeforeEach
	void healthySidecarAndANewUser() throws Exception {
		sidecar.recover();
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void subscriptionsFollowDaprsProgrammaticShapeWithADeadLetterTopic() throws Exception {
		HttpResponse<String> response = send(fromDapr("/dapr/subscribe").GET());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue());
		JsonNode subscriptions = json.readTree(response.body());
		assertThat(subscriptions.isArray()).isTrue();
		assertThat(subscriptions.valueStream().map(s -> s.get("topic").asString())).contains("task-events");
		for (JsonNode subscription : subscriptions) {
			String topic = subscription.get("topic").asString();
			assertThat(subscription.propertyNames())
				.containsExactlyInAnyOrder("pubsubname", "topic", "route", "deadLetterTopic", "metadata");
			assertThat(subscription.get("pubsubname").asString()).isEqualTo("taskflow-pubsub");
			assertThat(subscription.get("route").asString()).isEqualTo("/dapr/" + topic);
			assertThat(subscription.get("deadLetterTopic").asString()).isEqualTo(topic + "-dlq");
			assertThat(subscription.get("metadata").isObject()).isTrue();
		}
	}

	@Test
	void aTaskEventFromDaprIsAuditedOnceEvenWhenDeliveredAgain() throws Exception {
		ObjectNode event = deliveredTaskCreated();

		assertThat(deliver("task-events", event)).isEqualTo("SUCCESS");
		assertThat(deliver("task-events", event)).isEqualTo("SUCCESS");

		JsonNode history = history(event.get("data").get("task_id").asLong());
		assertThat(history).hasSize(1);
		assertThat(history.get(0).get("event_id").asString()).isEqualTo(event.get("id").asString());
		assertThat(history.get(0).get("event_type").asString()).isEqualTo("task.created");
	}

	@Test
	void plainJsonContentIsAcceptedToo() throws Exception {
		ObjectNode event = deliveredTaskCreated();

		HttpResponse<String> response = send(fromDapr("/dapr/task-events").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event))));

		assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("SUCCESS");
		assertThat(auditEntries(event)).isEqualTo(1);
	}

	@Test
	void bodiesThatAreNotCloudEventsOfOursAreDropped() throws Exception {
		assertThat(deliverRaw("task-events", "this is not JSON")).isEqualTo("DROP");
		assertThat(deliverRaw("task-events", "")).isEqualTo("DROP");
		assertThat(deliverRaw("task-events", "[1, 2, 3]")).isEqualTo("DROP");
		assertThat(deliverRaw("task-events", "{\"hello\": \"world\"}")).isEqualTo("DROP");
		ObjectNode withoutId = deliveredTaskCreated();
		withoutId.remove("id");
		assertThat(deliver("task-events", withoutId)).isEqualTo("DROP");
	}

	@Test
	void anEventOfAnUnknownTypeIsDroppedAndLeavesNoTrace() throws Exception {
		ObjectNode event = deliveredTaskCreated();
		event.put("type", "task.exploded");

		assertThat(deliver("task-events", event)).isEqualTo("DROP");

		assertThat(auditEntries(event)).isZero();
		assertThat(inboxEntries(event)).isZero();
	}

	/**
	 * A field of another JSON type than its schema's can never be read: DROP, so Dapr dead-letters it at
	 * once. Jackson's own readers throw on these ({@code asLong()} on "abc"), which was taken for a passing
	 * failure: RETRY, once a minute for two hours, with the task's later events waiting behind it. A
	 * numeric string was read as a number.
	 */
	@Test
	void anEventWithAWronglyTypedFieldIsDroppedNotRetried() throws Exception {
		Map<String, ObjectNode> wronglyTyped = new LinkedHashMap<>();
		wronglyTyped.put("task_id as a word", withData(deliveredTaskCreated(), data -> data.put("task_id", "abc")));
		wronglyTyped.put("sequence as a word", withData(deliveredTaskCreated(), data -> data.put("sequence", "one")));
		wronglyTyped.put("sequence as a numeric string", withData(deliveredTaskCreated(), data -> data.put("sequence", "1")));
		wronglyTyped.put("user_id as an object",
				withData(deliveredTaskCreated(), data -> data.set("user_id", json.readTree("{\"a\": 1}"))));
		wronglyTyped.put("task.title as an object", withData(deliveredTaskCreated(),
				data -> ((ObjectNode) data.get("task")).set("title", json.readTree("{\"x\": 1}"))));

		for (Map.Entry<String, ObjectNode> event : wronglyTyped.entrySet()) {
			assertThat(deliver("task-events", event.getValue())).as(event.getKey()).isEqualTo("DROP");
			assertThat(auditEntries(event.getValue())).as(event.getKey()).isZero();
			assertThat(inboxEntries(event.getValue())).as(event.getKey()).isZero();
		}
	}

	@Test
	void aRecurringCompletionWithAWronglyTypedSeriesIndexIsDroppedNotRetried() throws Exception {
		ObjectNode completion = withData(deliveredTaskCreated(), data -> {
			data.put("event_type", "task.completed");
			ObjectNode task = (ObjectNode) data.get("task");
			task.put("status", "completed");
			task.put("recurrence", "daily");
			task.put("recurrence_from", "due");
			task.put("series_index", "two");
		});
		completion.put("type", "task.completed");

		assertThat(deliver("task-events", completion)).isEqualTo("DROP");

		assertThat(inboxEntries("recurrence", completion)).isZero();
	}

	@Test
	void anEventOnATopicNobodyHereConsumesIsDropped() throws Exception {
		assertThat(deliver("reminders-of-nothing", deliveredTaskCreated())).isEqualTo("DROP");
	}

	@Test
	void aFailingConsumerAsksDaprToRetryAndTheRedeliveryIsProcessed() throws Exception {
		ObjectNode event = deliveredTaskCreated();
		jdbc.sql("alter table audit_log rename to audit_log_away").update();
		try {
			assertThat(deliver("task-events", event)).isEqualTo("RETRY");
			assertThat(inboxEntries(event)).as("the inbox entry rolls back with the effect").isZero();
		}
		finally {
			jdbc.sql("alter table audit_log_away rename to audit_log").update();
		}

		assertThat(deliver("task-events", event)).isEqualTo("SUCCESS");
		assertThat(auditEntries(event)).isEqualTo(1);
	}

	@Test
	void callsWithoutTheAppApiTokenAreRefusedAndNothingIsProcessed() throws Exception {
		ObjectNode event = deliveredTaskCreated();
		String body = json.writeValueAsString(event);
		for (String token : new String[] { null, "wrong-token", DaprTest.APP_API_TOKEN + "x", "" }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/dapr/task-events"))
				.header("Content-Type", "application/cloudevents+json")
				.POST(HttpRequest.BodyPublishers.ofString(body));
			if (token != null) {
				request.header("dapr-api-token", token);
			}
			HttpResponse<String> response = send(request);

			assertThat(response.statusCode()).as("token %s", token).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(json.readTree(response.body()).get("type").asString())
				.isEqualTo("https://taskflow.dev/problems/unauthenticated");
		}
		assertThat(send(HttpRequest.newBuilder(URI.create(base() + "/dapr/subscribe")).GET()).statusCode())
			.isEqualTo(401);
		assertThat(auditEntries(event)).isZero();
		assertThat(inboxEntries(event)).isZero();
	}

	@Test
	void theCronAndJobRoutesAreGuardedByTheAppApiTokenToo() throws Exception {
		for (String path : Set.of("/reminder-cron", "/job/remind-123")) {
			HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base() + path))
				.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).as(path).isEqualTo(401);
		}
	}

	/**
	 * A task.created event as daprd hands it over: the CloudEvent we published (taken from the
	 * stand-in) plus the fields the sidecar adds.
	 */
	private ObjectNode deliveredTaskCreated() throws Exception {
		String created = mvc
			.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"Audit me " + UUID.randomUUID() + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long task = json.readTree(created).get("id").asLong();
		SidecarStandIn.Request published = await()
			.until(() -> sidecar.acceptedPublishes()
				.stream()
				.filter(request -> request.path().endsWith("/task-events")
						&& ("metadata.partitionKey=" + task).equals(request.query()))
				.findFirst(), found -> found.isPresent())
			.orElseThrow();
		ObjectNode event = (ObjectNode) json.readTree(published.body());
		event.put("topic", "task-events");
		event.put("pubsubname", "taskflow-pubsub");
		event.put("traceid", event.get("traceparent").asString());
		event.put("tracestate", "");
		return event;
	}

	private static ObjectNode withData(ObjectNode event, Consumer<ObjectNode> change) {
		change.accept((ObjectNode) event.get("data"));
		return event;
	}

	private String deliver(String topic, JsonNode event) throws Exception {
		return deliverRaw(topic, json.writeValueAsString(event));
	}

	private String deliverRaw(String topic, String body) throws Exception {
		HttpResponse<String> response = send(fromDapr("/dapr/" + topic)
			.header("Content-Type", "application/cloudevents+json")
			.header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode answer = json.readTree(response.body());
		assertThat(answer.propertyNames()).containsExactly("status");
		return answer.get("status").asString();
	}

	private JsonNode history(long task) throws Exception {
		String body = mvc.perform(ann.as(get("/api/tasks/" + task + "/history")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(body);
	}

	private int auditEntries(JsonNode event) {
		return jdbc.sql("select count(*) from audit_log where event_id = :id")
			.param("id", UUID.fromString(event.get("id").asString()))
			.query(Integer.class)
			.single();
	}

	/** The audit consumer's inbox entries (other consumers of task-events ignore or handle the event on their own). */
	private int inboxEntries(JsonNode event) {
		return inboxEntries("audit", event);
	}

	private int inboxEntries(String consumer, JsonNode event) {
		return jdbc.sql("select count(*) from event_inbox where consumer = :consumer and event_id = :id")
			.param("consumer", consumer)
			.param("id", UUID.fromString(event.get("id").asString()))
			.query(Integer.class)
			.single();
	}

	private HttpRequest.Builder fromDapr(String path) {
		return HttpRequest.newBuilder(URI.create(base() + path)).header("dapr-api-token", DaprTest.APP_API_TOKEN);
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
