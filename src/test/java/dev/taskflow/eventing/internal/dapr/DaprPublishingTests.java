package dev.taskflow.eventing.internal.dapr;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.taskflow.eventing.internal.EventTransport;
import dev.taskflow.platform.TraceContext;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What the app sends to the sidecar when tasks change: the exact publish requests of the Dapr
 * contract, in per-task order, and none lost while the sidecar fails or is gone.
 */
@DaprTest
class DaprPublishingTests {

	private static final SidecarStandIn sidecar = DaprTest.SIDECAR;

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private final JsonMapper json = JsonMapper.builder().build();

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

	@AfterEach
	void sidecarBack() {
		sidecar.recover();
	}

	@Test
	void theDaprTransportReplacesTheEmbeddedBroker(@Autowired ApplicationContext context) {
		assertThat(context.getBean(EventTransport.class)).isInstanceOf(DaprTransport.class);
		assertThat(context.containsBean("embeddedDispatcher")).isFalse();
	}

	@Test
	void creatingATaskPublishesOurCloudEventToTaskEventsKeyedByTheTask() throws Exception {
		String traceparent = TraceContext.newTraceparent();
		long task = createTask("Water the plants", traceparent);

		SidecarStandIn.Request publish = await().atMost(PATIENCE)
			.until(() -> taskEvents(task), events -> !events.isEmpty())
			.get(0);

		assertThat(publish.method()).isEqualTo("POST");
		assertThat(publish.path()).isEqualTo("/v1.0/publish/taskflow-pubsub/task-events");
		assertThat(publish.query()).isEqualTo("metadata.partitionKey=" + task);
		assertThat(publish.header("Content-Type")).isEqualTo("application/cloudevents+json");
		assertThat(publish.header("dapr-api-token")).isEqualTo(DaprTest.DAPR_API_TOKEN);
		assertThat(publish.header("traceparent")).isEqualTo(traceparent);
		JsonNode event = json.readTree(publish.body());
		assertThat(event.get("specversion").asString()).isEqualTo("1.0");
		assertThat(event.get("type").asString()).isEqualTo("task.created");
		assertThat(event.get("source").asString()).isEqualTo("/taskflow/tasks");
		assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
		assertThat(event.get("traceparent").asString()).isEqualTo(traceparent);
		assertThat(event.get("partitionkey").asString()).isEqualTo(String.valueOf(task));
		assertThat(Instant.parse(event.get("time").asString())).isBefore(Instant.now().plusSeconds(1));
		JsonNode data = event.get("data");
		assertThat(event.get("id").asString()).isEqualTo(data.get("event_id").asString());
		assertThat(data.get("event_type").asString()).isEqualTo("task.created");
		assertThat(data.get("task_id").asLong()).isEqualTo(task);
		assertThat(data.get("user_id").asString()).isEqualTo(ann.id());
		assertThat(data.get("task").get("title").asString()).isEqualTo("Water the plants");
	}

	@Test
	void everyChangeOfATaskIsPublishedInOrderToTaskEventsAndTaskUpdates() throws Exception {
		long task = createTask("Renew passport", TraceContext.newTraceparent());
		mvc.perform(ann.as(patch("/api/tasks/" + task)).contentType("application/merge-patch+json")
			.content("{\"priority\": \"high\"}")).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + task + "/complete"))).andExpect(status().isOk());
		mvc.perform(ann.as(delete("/api/tasks/" + task))).andExpect(status().isNoContent());

		List<String> lifecycle = List.of("task.created", "task.updated", "task.completed", "task.deleted");
		await().atMost(PATIENCE).until(() -> taskEvents(task).size() == 4 && taskUpdates(task).size() == 4);

		assertThat(taskEvents(task)).extracting(this::type).containsExactlyElementsOf(lifecycle);
		assertThat(taskEvents(task)).extracting(this::eventId).doesNotHaveDuplicates();
		assertThat(taskEvents(task)).extracting(request -> body(request).get("data").get("changes"))
			.element(1)
			.satisfies(changes -> assertThat(changes.get("priority").get("new").asString()).isEqualTo("high"));
		List<SidecarStandIn.Request> updates = taskUpdates(task);
		assertThat(updates).extracting(SidecarStandIn.Request::path)
			.containsOnly("/v1.0/publish/taskflow-pubsub/task-updates");
		assertThat(updates).extracting(SidecarStandIn.Request::query).containsOnly("metadata.partitionKey=" + ann.id());
		assertThat(updates).extracting(this::type).containsExactlyElementsOf(lifecycle);
		assertThat(updates).extracting(request -> request.header("Content-Type"))
			.containsOnly("application/cloudevents+json");
		assertThat(updates).extracting(request -> request.header("dapr-api-token"))
			.containsOnly(DaprTest.DAPR_API_TOKEN);
	}

	@Test
	void taskWritesSucceedWhileTheSidecarFailsAndEveryEventIsPublishedInOrderOnceItRecovers() throws Exception {
		sidecar.answerPublishesWith(500);
		long task = createTask("Book flights", TraceContext.newTraceparent());
		changeAndComplete(task);
		await().atMost(PATIENCE).until(() -> refusedTaskEvents(task) >= 2);
		assertThat(taskEvents(task)).isEmpty();

		sidecar.recover();

		await().atMost(PATIENCE).until(() -> taskEvents(task).size() == 3 && taskUpdates(task).size() == 3);
		assertThat(taskEvents(task)).extracting(this::type)
			.containsExactly("task.created", "task.updated", "task.completed");
		assertNothingMoreIsPublishedFor(task, 3);
	}

	@Test
	void taskWritesSucceedWhileTheSidecarIsUnreachableAndEveryEventIsPublishedInOrderOnceItIsBack() throws Exception {
		sidecar.becomeUnreachable();
		long task = createTask("Pay rent", TraceContext.newTraceparent());
		changeAndComplete(task);
		await().atMost(PATIENCE).until(this::publicationsRetriedSoFar, retried -> retried >= 3);

		sidecar.recover();

		await().atMost(PATIENCE).until(() -> taskEvents(task).size() == 3 && taskUpdates(task).size() == 3);
		assertThat(taskEvents(task)).extracting(this::type)
			.containsExactly("task.created", "task.updated", "task.completed");
		assertNothingMoreIsPublishedFor(task, 3);
	}

	private long createTask(String title, String traceparent) throws Exception {
		String created = mvc
			.perform(ann.as(post("/api/tasks")).header("traceparent", traceparent)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\": \"" + title + "\"}"))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return json.readTree(created).get("id").asLong();
	}

	private void changeAndComplete(long task) throws Exception {
		mvc.perform(ann.as(patch("/api/tasks/" + task)).contentType("application/merge-patch+json")
			.content("{\"title\": \"Changed while the sidecar is away\"}")).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + task + "/complete"))).andExpect(status().isOk());
	}

	/** Accepted publishes to task-events for one task, in the order the sidecar got them. */
	private List<SidecarStandIn.Request> taskEvents(long task) {
		return sidecar.acceptedPublishes()
			.stream()
			.filter(request -> request.path().endsWith("/task-events")
					&& ("metadata.partitionKey=" + task).equals(request.query()))
			.toList();
	}

	private List<SidecarStandIn.Request> taskUpdates(long task) {
		return sidecar.acceptedPublishes()
			.stream()
			.filter(request -> request.path().endsWith("/task-updates")
					&& body(request).get("data").get("task_id").asLong() == task)
			.toList();
	}

	private long refusedTaskEvents(long task) {
		return sidecar.publishes()
			.stream()
			.filter(request -> request.answeredWith() != 204 && request.path().endsWith("/task-events")
					&& ("metadata.partitionKey=" + task).equals(request.query()))
			.count();
	}

	private int publicationsRetriedSoFar() {
		return jdbc.sql("select count(*) from event_publication where completion_date is null and completion_attempts > 0")
			.query(Integer.class)
			.single();
	}

	/** At-least-once would allow duplicates; the relay's ordering makes them not happen here. */
	private void assertNothingMoreIsPublishedFor(long task, int events) {
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> taskEvents(task).size() == events && taskUpdates(task).size() == events);
	}

	private JsonNode body(SidecarStandIn.Request request) {
		return json.readTree(request.body());
	}

	private String type(SidecarStandIn.Request request) {
		return body(request).get("type").asString();
	}

	private String eventId(SidecarStandIn.Request request) {
		return body(request).get("id").asString();
	}
}
