package dev.taskflow.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.platform.SqlTime;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Snoozing one notification again while its snooze waits — a double click, a second tab, requests sent
 * at the same instant — sets one reminder, and every answer names it.
 */
abstract class SnoozeAgainContract {

	private static final int AT_ONCE = 6;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	JdbcClient jdbc;

	private final ExecutorService clicks = Executors.newFixedThreadPool(AT_ONCE);

	private TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc, "Europe/Berlin");
	}

	@AfterEach
	void stopClicking() {
		clicks.shutdownNow();
	}

	@Test
	void snoozingANotificationAgainWhileItsSnoozeWaitsAnswersWithThatSnooze() throws Exception {
		long taskId = ann.createTask(mvc, "{\"title\": \"Call the dentist\"}");
		long notificationId = notificationFor(taskId, "Call the dentist");

		MockHttpServletResponse first = snooze(notificationId, "{\"for\": \"PT10M\"}");
		MockHttpServletResponse again = snooze(notificationId, "{\"for\": \"PT1H\"}");

		assertThat(again.getStatus()).isEqualTo(200);
		assertThat(remindAt(again)).isEqualTo(remindAt(first));
		assertThat(snoozedReminders(taskId)).containsExactly(remindAt(first));
	}

	@Test
	void snoozesOfOneNotificationSentAtTheSameInstantSetOneReminder() throws Exception {
		long taskId = ann.createTask(mvc, "{\"title\": \"Stretch\"}");
		long notificationId = notificationFor(taskId, "Stretch");
		CountDownLatch go = new CountDownLatch(1);

		List<Future<MockHttpServletResponse>> sent = IntStream.range(0, AT_ONCE).mapToObj(i -> clicks.submit(() -> {
			go.await();
			return snooze(notificationId, "{\"for\": \"PT10M\"}");
		})).toList();
		go.countDown();
		List<MockHttpServletResponse> answers = sent.stream().map(SnoozeAgainContract::answer).toList();

		assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatus()).isEqualTo(200));
		Instant remindAt = remindAt(answers.get(0));
		assertThat(answers).allSatisfy(answer -> assertThat(remindAt(answer)).isEqualTo(remindAt));
		assertThat(snoozedReminders(taskId)).containsExactly(remindAt);
	}

	@Test
	void onceItsSnoozeHasFiredANotificationCanBeSnoozedAnew() throws Exception {
		long taskId = ann.createTask(mvc, "{\"title\": \"Water the plants\"}");
		long notificationId = notificationFor(taskId, "Water the plants");
		snooze(notificationId, "{\"for\": \"PT10M\"}");
		firedAlready(taskId);

		MockHttpServletResponse later = snooze(notificationId, "{\"for\": \"PT1H\"}");

		assertThat(later.getStatus()).isEqualTo(200);
		assertThat(snoozedReminders(taskId)).containsExactly(remindAt(later));
	}

	private MockHttpServletResponse snooze(long notificationId, String body) throws Exception {
		return mvc.perform(ann.as(post("/api/notifications/" + notificationId + "/snooze"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn().getResponse();
	}

	private static MockHttpServletResponse answer(Future<MockHttpServletResponse> sent) {
		try {
			return sent.get(1, TimeUnit.MINUTES);
		}
		catch (Exception ex) {
			throw new AssertionError("a snooze got no answer", ex);
		}
	}

	private static Instant remindAt(MockHttpServletResponse answer) {
		try {
			return Instant.parse(JSON.readTree(answer.getContentAsString()).get("remind_at").asString());
		}
		catch (Exception ex) {
			throw new AssertionError("not a snooze: " + answer.getStatus(), ex);
		}
	}

	/** When the task's snoozed reminders that have not fired yet remind. */
	private List<Instant> snoozedReminders(long taskId) throws Exception {
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + taskId))).andReturn());
		return task.get("reminders")
			.valueStream()
			.filter(reminder -> reminder.path("snoozed").asBoolean() && !reminder.get("sent").asBoolean())
			.map(reminder -> Instant.parse(reminder.get("remind_at").asString()))
			.toList();
	}

	/** What the reminder scheduler leaves behind once the task's reminders have fired. */
	private void firedAlready(long taskId) {
		Instant past = Instant.now().minusSeconds(60);
		jdbc.sql("update task_reminders set at = :past, remind_at = :past, sent_at = :past where task_id = :id")
			.param("past", SqlTime.utc(past))
			.param("id", taskId)
			.update();
	}

	/** A notification as a fired reminder of the task leaves it. */
	private long notificationFor(long taskId, String title) throws Exception {
		consumers.deliver(consumers.consumer("notifications"),
				ReminderDueEvents.reminderDue(UUID.randomUUID(), ann.id(), taskId, title, null, Instant.now()));
		JsonNode page = json(mvc.perform(ann.as(get("/api/notifications"))).andReturn());
		for (JsonNode item : page.get("items")) {
			if (item.get("task_id").asLong() == taskId) {
				return item.get("id").asLong();
			}
		}
		throw new AssertionError("no notification for task " + taskId);
	}
}
