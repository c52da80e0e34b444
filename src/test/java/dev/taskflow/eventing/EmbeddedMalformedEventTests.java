package dev.taskflow.eventing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded transport dead-letters a task event whose body has a field of the wrong JSON type at
 * the first attempt, as malformed, instead of retrying it eight times over some minutes; a good event
 * beside it is handled.
 */
@TaskFlowTest
class EmbeddedMalformedEventTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Outbox outbox;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	String userId;

	record QueuedDelivery(String consumer, String status, int attempts, String lastError) {
	}

	@BeforeEach
	void anAccountTheEventsBelongTo() throws Exception {
		userId = TestUsers.signUp(mvc).id();
	}

	@Test
	void wronglyTypedFieldsAreDeadLetteredAtOnceAsMalformed() {
		assertDeadLetteredAtOnce(taskEvent("task.created", data -> data.put("task_id", "abc")), "audit", "task_id");
		assertDeadLetteredAtOnce(taskEvent("task.created", data -> data.put("sequence", "one")), "audit", "sequence");
		assertDeadLetteredAtOnce(taskEvent("task.created", data -> data.put("sequence", "1")), "audit", "sequence");
		assertDeadLetteredAtOnce(
				taskEvent("task.created", data -> data.set("user_id", json.readTree("{\"a\": 1}"))), "audit", "user_id");
		assertDeadLetteredAtOnce(taskEvent("task.created",
				data -> ((ObjectNode) data.get("task")).set("title", json.readTree("{\"x\": 1}"))), "audit", "task.title");
		assertDeadLetteredAtOnce(taskEvent("task.completed", data -> {
			ObjectNode task = (ObjectNode) data.get("task");
			task.put("recurrence", "daily");
			task.put("series_index", "two");
		}), "recurrence", "task.series_index");
	}

	@Test
	void aWellTypedEventIsHandled() {
		EventEnvelope event = taskEvent("task.created", data -> {
		});

		publish(event);

		await().until(() -> deliveries(event).isEmpty());
		assertThat(jdbc.sql("select count(*) from audit_log where event_id = :id")
			.param("id", event.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private void assertDeadLetteredAtOnce(EventEnvelope event, String consumer, String field) {
		publish(event);

		await().until(() -> deliveries(event).stream().allMatch(delivery -> delivery.attempts() > 0));
		assertThat(deliveries(event)).singleElement().satisfies(delivery -> {
			assertThat(delivery.consumer()).isEqualTo(consumer);
			assertThat(delivery.status()).isEqualTo("dead");
			assertThat(delivery.attempts()).isEqualTo(1);
			assertThat(delivery.lastError()).startsWith("malformed: " + field + " must be");
		});
	}

	private void publish(EventEnvelope event) {
		transactions.executeWithoutResult(status -> outbox.publish(OutgoingEvent.unordered(Topics.TASK_EVENTS, event)));
	}

	/** What is left in the queue of this event: dead letters, or deliveries waiting for another attempt. */
	private List<QueuedDelivery> deliveries(EventEnvelope event) {
		return jdbc.sql("select consumer, status, attempts, last_error from embedded_deliveries where event_id = :id")
			.param("id", event.id())
			.query((rs, row) -> new QueuedDelivery(rs.getString("consumer"), rs.getString("status"), rs.getInt("attempts"),
					rs.getString("last_error")))
			.list();
	}

	/** A task event as the tasks module publishes it (task-event.schema.json), of a task nobody else has, then changed. */
	private EventEnvelope taskEvent(String type, Consumer<ObjectNode> change) {
		UUID id = UUID.randomUUID();
		long taskId = 1_000_000 + Math.abs(id.getLeastSignificantBits() % 1_000_000);
		Instant now = Instant.now();
		ObjectNode data = json.createObjectNode();
		data.put("event_id", id.toString());
		data.put("event_type", type);
		data.put("version", "1.0");
		data.put("timestamp", now.toString());
		data.put("user_id", userId);
		data.put("task_id", taskId);
		data.put("sequence", 1);
		ObjectNode task = data.putObject("task");
		task.put("title", "Water the plants");
		task.put("status", type.equals("task.completed") ? "completed" : "pending");
		task.put("priority", "none");
		task.putArray("tags");
		change.accept(data);
		return new EventEnvelope(id, "/taskflow/tasks", type, now, String.valueOf(taskId), String.valueOf(taskId), null,
				data);
	}
}
