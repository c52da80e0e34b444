package dev.taskflow.notifications;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.taskflow.platform.AfterCommit;
import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.Topics;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.support.EventSchemas;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the notifications module publishes, as a subscriber of the {@code notifications} topic sees it.
 * A database of its own: the recording subscriber exists in this application only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:notification-events-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class NotificationEventsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	NotificationRecorder recorder;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReminderIsAnnouncedExactlyOnceAsNotificationCreatedMatchingItsSchema() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventEnvelope due = ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Buy Milk");
		EventConsumer notifications = consumers.consumer("notifications");
		consumers.deliver(notifications, due);
		consumers.deliver(notifications, due);
		consumers.deliver(notifications, ReminderDueEvents.withNewEventId(due));
		consumers.deliver(notifications, ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Other task"));

		// Two notifications are published independently, so the design promises no order between them
		// (only a task's own events are ordered). Wait until everything published has been delivered,
		// then look each one up by what it says.
		await().until(this::everythingPublishedIsDelivered);
		assertThat(recorder.of(ann.id())).extracting(event -> event.data().get("title").asString())
			.containsExactlyInAnyOrder("Buy Milk", "Other task");
		EventEnvelope created = recorder.of(ann.id())
			.stream()
			.filter(event -> event.data().get("title").asString().equals("Buy Milk"))
			.findFirst()
			.orElseThrow();
		JsonNode inbox = json(mvc.perform(ann.as(get("/api/notifications"))).andReturn()).at("/items")
			.valueStream()
			.filter(item -> item.get("title").asString().equals("Buy Milk"))
			.findFirst()
			.orElseThrow();

		assertThat(created.type()).isEqualTo("notification.created");
		assertThat(created.source()).isEqualTo("/taskflow/notifications");
		assertThat(created.partitionKey()).isEqualTo(ann.id());
		assertThat(created.traceparent()).isEqualTo(due.traceparent());
		assertThat(created.subject()).isEqualTo(inbox.get("id").asString());
		JsonNode data = created.data();
		assertThat(data.get("event_id").asString()).isEqualTo(created.id().toString());
		assertThat(data.get("user_id").asString()).isEqualTo(ann.id());
		assertThat(data.get("notification_id").asLong()).isEqualTo(inbox.get("id").asLong());
		assertThat(data.get("task_id").asLong()).isEqualTo(due.data().get("task_id").asLong());
		assertThat(data.get("title").asString()).isEqualTo("Buy Milk");
		assertThat(data.get("message").asString()).isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 15 minutes");
		for (EventEnvelope event : recorder.of(ann.id())) {
			assertThat(EventSchemas.violations(Topics.NOTIFICATIONS, event.toJson(json))).isEmpty();
		}
	}

	private boolean everythingPublishedIsDelivered() {
		return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0
				&& jdbc.sql("select count(*) from embedded_deliveries where status = 'pending'").query(Long.class).single() == 0;
	}

	@Test
	void theSchemaRejectsWhatItShould() throws Exception {
		JsonNode broken = json.readTree("""
				{"specversion": "1.0", "id": "8b3e0000-0000-0000-0000-000000000000", "source": "/taskflow/notifications",
				 "type": "notification.created", "time": "2026-11-22T10:00:00Z", "datacontenttype": "application/json",
				 "partitionkey": "0d4f0000-0000-0000-0000-000000000000",
				 "data": {"event_id": "8b3e0000-0000-0000-0000-000000000000", "event_type": "notification.updated",
				          "version": "1.0", "timestamp": "2026-11-22T10:00:00Z", "user_id": "ann",
				          "notification_id": 0, "task_id": 1, "title": "", "created_at": "now"}}""");

		assertThat(EventSchemas.violations(Topics.NOTIFICATIONS, broken)).hasSizeGreaterThanOrEqualTo(6);
	}

	/** Records every notification.created this application publishes. */
	static class NotificationRecorder implements EventConsumer {

		private final List<EventEnvelope> received = new CopyOnWriteArrayList<>();

		@Override
		public String name() {
			return "test-notification-recorder";
		}

		@Override
		public String role() {
			return "web";
		}

		@Override
		public Set<String> topics() {
			return Set.of(Topics.NOTIFICATIONS);
		}

		@Override
		public void handle(EventEnvelope event) {
			AfterCommit.run(() -> received.add(event));
		}

		List<EventEnvelope> of(String userId) {
			return received.stream().filter(e -> userId.equals(e.partitionKey())).toList();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		NotificationRecorder notificationRecorder() {
			return new NotificationRecorder();
		}
	}
}
