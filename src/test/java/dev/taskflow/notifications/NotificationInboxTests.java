package dev.taskflow.notifications;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.taskflow.eventing.EventConsumer;
import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.MalformedEvent;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TaskFlowTest
class NotificationInboxTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aReminderDeliveredTwiceBecomesOneNotification() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventEnvelope due = ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Buy Milk");

		assertThat(consumers.deliver(notifications(), due)).isTrue();
		assertThat(consumers.deliver(notifications(), due)).isFalse();
		consumers.deliver(notifications(), ReminderDueEvents.withNewEventId(due));

		assertThat(rowsOfTask(due)).isEqualTo(1);
		mvc.perform(ann.as(get("/api/notifications")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items", hasSize(1)))
			.andExpect(jsonPath("$.items[0].message").value("Your task '\u2068Buy Milk\u2069' is due in 15 minutes"))
			.andExpect(jsonPath("$.items[0].title").value("Buy Milk"))
			.andExpect(jsonPath("$.items[0].task_id").value(due.data().get("task_id").asLong()))
			.andExpect(jsonPath("$.items[0].read").value(false))
			.andExpect(jsonPath("$.unread_count").value(1));
	}

	@Test
	void concurrentDeliveriesOfOneReminderCreateOneNotification() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventEnvelope due = ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Water the plants");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Boolean>> deliveries = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				deliveries.add(() -> consumers.deliver(notifications(), due));
			}
			int delivered = 0;
			for (Future<Boolean> result : pool.invokeAll(deliveries)) {
				try {
					delivered += result.get() ? 1 : 0;
				}
				catch (java.util.concurrent.ExecutionException ex) {
					// a losing concurrent insert may fail instead of waiting; the transport would retry it
				}
			}
			assertThat(delivered).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(rowsOfTask(due)).isEqualTo(1);
	}

	/** A task's title is kept whole (an emoji is one character); a longer one is cut between characters. */
	@Test
	void aTitleOf200EmojiIsKeptWholeAndALongerOneIsCutBetweenCharacters() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String milk = "🥛";
		String bread = "🍞";
		consumers.deliver(notifications(), ReminderDueEvents.dueInFifteenMinutes(ann.id(), milk.repeat(200)));
		consumers.deliver(notifications(), ReminderDueEvents.dueInFifteenMinutes(ann.id(), bread.repeat(250)));

		mvc.perform(ann.as(get("/api/notifications")))
			.andExpect(jsonPath("$.items", hasSize(2)))
			.andExpect(jsonPath("$.items[0].title").value(bread.repeat(199) + "…"))
			.andExpect(jsonPath("$.items[1].title").value(milk.repeat(200)))
			.andExpect(jsonPath("$.items[1].message").value("Your task '\u2068" + milk.repeat(200) + "\u2069' is due in 15 minutes"));
	}

	@Test
	void eventsThatCanNeverBecomeANotificationAreRejectedAsMalformed() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		EventEnvelope due = ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Buy Milk");
		EventEnvelope otherType = new EventEnvelope(UUID.randomUUID(), due.source(), "reminder.cancelled", due.time(),
				due.subject(), due.partitionKey(), due.traceparent(), due.data());
		EventEnvelope noUser = ReminderDueEvents.reminderDue(UUID.randomUUID(), "not-a-uuid", 7, "x", null,
				Instant.now());
		EventEnvelope badDue = ReminderDueEvents.reminderDue(UUID.randomUUID(), ann.id(), 7, "x", "next week",
				Instant.now());

		for (EventEnvelope event : List.of(otherType, noUser, badDue)) {
			assertThatThrownBy(() -> consumers.deliver(notifications(), event)).isInstanceOf(MalformedEvent.class);
		}
		mvc.perform(ann.as(get("/api/notifications"))).andExpect(jsonPath("$.items", hasSize(0)));
	}

	@Test
	void unreadCountMarkReadAndMarkAllRead() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (String title : List.of("One", "Two", "Three")) {
			consumers.deliver(notifications(), ReminderDueEvents.dueInFifteenMinutes(ann.id(), title));
		}
		mvc.perform(ann.as(get("/api/notifications/unread-count"))).andExpect(jsonPath("$.unread_count").value(3));
		long newest = json(mvc.perform(ann.as(get("/api/notifications"))).andReturn()).at("/items/0/id").asLong();

		mvc.perform(ann.as(post("/api/notifications/" + newest + "/read")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.read").value(true))
			.andExpect(jsonPath("$.read_at").isNotEmpty());
		mvc.perform(ann.as(post("/api/notifications/" + newest + "/read"))).andExpect(status().isOk());
		mvc.perform(ann.as(get("/api/notifications/unread-count"))).andExpect(jsonPath("$.unread_count").value(2));
		mvc.perform(ann.as(get("/api/notifications?unread=true")))
			.andExpect(jsonPath("$.items[*].title").value(org.hamcrest.Matchers.contains("Two", "One")));

		mvc.perform(ann.as(post("/api/notifications/read-all")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.marked").value(2))
			.andExpect(jsonPath("$.unread_count").value(0));
		mvc.perform(ann.as(get("/api/notifications")))
			.andExpect(jsonPath("$.items", hasSize(3)))
			.andExpect(jsonPath("$.items[*].read").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(true))));
	}

	@Test
	void theListPagesNewestFirstWithALimitAndACursor() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (int i = 1; i <= 5; i++) {
			consumers.deliver(notifications(), ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Task " + i));
		}
		JsonNode first = json(mvc.perform(ann.as(get("/api/notifications?limit=2"))).andReturn());
		assertThat(first.get("items")).extracting(item -> item.get("title").asString()).containsExactly("Task 5", "Task 4");
		String cursor = first.get("next_cursor").asString();
		JsonNode second = json(mvc.perform(ann.as(get("/api/notifications?limit=2&cursor=" + cursor))).andReturn());
		assertThat(second.get("items")).extracting(item -> item.get("title").asString()).containsExactly("Task 3", "Task 2");
		JsonNode last = json(mvc.perform(ann.as(get("/api/notifications?limit=2&cursor=" + second.get("next_cursor").asString())))
			.andReturn());
		assertThat(last.get("items")).extracting(item -> item.get("title").asString()).containsExactly("Task 1");
		assertThat(last.get("next_cursor").isNull()).isTrue();

		mvc.perform(ann.as(get("/api/notifications?limit=0"))).andExpect(status().isBadRequest());
		mvc.perform(ann.as(get("/api/notifications?limit=101"))).andExpect(status().isBadRequest());
		mvc.perform(ann.as(get("/api/notifications?cursor=abc"))).andExpect(status().isBadRequest());
	}

	@Test
	void nobodyReadsOrMarksSomeoneElsesNotifications() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		consumers.deliver(notifications(), ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Ann's secret"));
		long id = json(mvc.perform(ann.as(get("/api/notifications"))).andReturn()).at("/items/0/id").asLong();

		mvc.perform(bob.as(get("/api/notifications"))).andExpect(jsonPath("$.items", hasSize(0)));
		mvc.perform(bob.as(get("/api/notifications/unread-count"))).andExpect(jsonPath("$.unread_count").value(0));
		mvc.perform(bob.as(post("/api/notifications/" + id + "/read"))).andExpect(status().isNotFound());
		mvc.perform(bob.as(post("/api/notifications/read-all"))).andExpect(jsonPath("$.marked").value(0));
		mvc.perform(bob.as(post("/api/notifications/999999999/read"))).andExpect(status().isNotFound());
		mvc.perform(ann.as(get("/api/notifications/unread-count"))).andExpect(jsonPath("$.unread_count").value(1));
		mvc.perform(get("/api/notifications")).andExpect(status().isUnauthorized());
	}

	@Test
	void theInboxAndTheStreamAreInTheOpenApiDocument() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		mvc.perform(ann.as(get("/v3/api-docs")))
			.andExpect(jsonPath("$.paths['/api/notifications'].get").exists())
			.andExpect(jsonPath("$.paths['/api/notifications/{id}/read'].post").exists())
			.andExpect(jsonPath("$.paths['/api/stream'].get.responses['200'].content['text/event-stream']").exists());
	}

	@Test
	void noMailIsAttemptedWithoutAnSmtpHost() {
		assertThat(context.getBeanNamesForType(JavaMailSender.class)).isEmpty();
		assertThat(context.containsBean("notificationMailer")).isFalse();
	}

	private EventConsumer notifications() {
		return consumers.consumer("notifications");
	}

	private int rowsOfTask(EventEnvelope due) {
		return jdbc.sql("select count(*) from notifications where task_id = :taskId")
			.param("taskId", due.data().get("task_id").asLong())
			.query(Integer.class)
			.single();
	}
}
