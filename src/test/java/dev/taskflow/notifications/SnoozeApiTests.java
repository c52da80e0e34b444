package dev.taskflow.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.platform.SqlTime;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code POST /api/notifications/{id}/snooze}: the task gets a reminder again, the notification is read. */
@TaskFlowTest
class SnoozeApiTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ConsumerInvoker consumers;

	@Autowired
	JdbcClient jdbc;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc, "Europe/Berlin");
	}

	@Test
	void snoozingForTenMinutesReArmsTheTasksReminderAndMarksTheNotificationRead() throws Exception {
		long taskId = task("Call the dentist");
		long notificationId = notificationFor(taskId, "Call the dentist");
		Instant before = Instant.now();

		JsonNode snoozed = json(snooze(ann, notificationId, "{\"for\": \"PT10M\"}").andExpect(status().isOk()).andReturn());

		Instant remindAt = Instant.parse(snoozed.get("remind_at").asString());
		assertThat(remindAt).isBetween(before.plus(Duration.ofMinutes(10)).minusSeconds(1),
				Instant.now().plus(Duration.ofMinutes(10)));
		assertThat(snoozed.at("/notification/read").asBoolean()).isTrue();
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + taskId))).andReturn());
		assertThat(task.get("reminders")).anySatisfy(reminder -> {
			assertThat(Instant.parse(reminder.get("remind_at").asString())).isEqualTo(remindAt);
			assertThat(reminder.get("sent").asBoolean()).isFalse();
		});
	}

	@Test
	void snoozingUntilTomorrowMeansNineInTheMorningInThePersonsTimeZone() throws Exception {
		long taskId = task("Water the plants");
		long notificationId = notificationFor(taskId, "Water the plants");

		JsonNode snoozed = json(snooze(ann, notificationId, "{\"until\": \"tomorrow\"}").andExpect(status().isOk()).andReturn());

		ZoneId berlin = ZoneId.of("Europe/Berlin");
		Instant remindAt = Instant.parse(snoozed.get("remind_at").asString());
		assertThat(remindAt.atZone(berlin).toLocalTime().getHour()).isEqualTo(9);
		assertThat(remindAt.atZone(berlin).toLocalDate()).isEqualTo(LocalDate.now(berlin).plusDays(1));
	}

	@Test
	void snoozingAgainAfterTheSnoozedReminderFiredDoesNotPileUpReminders() throws Exception {
		long taskId = task("Stretch");
		long notificationId = notificationFor(taskId, "Stretch");
		for (int i = 0; i < 12; i++) {
			snooze(ann, notificationId, "{\"for\": \"PT10M\"}").andExpect(status().isOk());
			firedAlready(taskId);
		}
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + taskId))).andReturn());
		assertThat(task.get("reminders").size()).isLessThanOrEqualTo(10);
	}

	@Test
	void aBadSnoozeIsAProblemWithTheFieldNamed() throws Exception {
		long notificationId = notificationFor(task("Read"), "Read");

		for (String body : new String[] { "{}", "{\"for\": \"ten minutes\"}", "{\"for\": \"P30D\"}",
				"{\"until\": \"2001-01-01T00:00:00Z\"}", "{\"for\": \"PT10M\", \"until\": \"tomorrow\"}" }) {
			snooze(ann, notificationId, body).andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", containsString("application/problem+json")))
				.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/validation"));
		}
	}

	@Test
	void forAndUntilMissingOrBothGivenIsExplainedInASentence() throws Exception {
		long notificationId = notificationFor(task("Call"), "Call");

		snooze(ann, notificationId, "{}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(
					"Say when to remind you again, with for or until: {\"for\": \"PT10M\"} or {\"until\": \"tomorrow\"}."))
			.andExpect(jsonPath("$.errors[*].field").value(contains("for", "until")));
		snooze(ann, notificationId, "{\"for\": \"PT10M\", \"until\": \"tomorrow\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(
					"Give either for or until, not both: {\"for\": \"PT10M\"} or {\"until\": \"tomorrow\"}."))
			.andExpect(jsonPath("$.errors[0].message").value("cannot be given together with until"));
	}

	/** Only a pending task's reminders fire: a snooze of a done or deleted task would never go off. */
	@Test
	void theNotificationOfACompletedOrDeletedTaskCannotBeSnoozed() throws Exception {
		long done = task("Done already");
		long doneNotification = notificationFor(done, "Done already");
		mvc.perform(ann.as(post("/api/tasks/" + done + "/complete"))).andExpect(status().isOk());
		long gone = task("Thrown away");
		long goneNotification = notificationFor(gone, "Thrown away");
		mvc.perform(ann.as(delete("/api/tasks/" + gone))).andExpect(status().isNoContent());

		snooze(ann, doneNotification, "{\"for\": \"PT1M\"}").andExpect(status().isConflict())
			.andExpect(header().string("Content-Type", containsString("application/problem+json")))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/conflict"))
			.andExpect(jsonPath("$.detail").value(containsString("is completed")));
		snooze(ann, goneNotification, "{\"for\": \"PT1M\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/conflict"))
			.andExpect(jsonPath("$.detail").value(containsString("deleted")));

		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + done))).andReturn());
		assertThat(task.get("reminders").size()).as("nothing was added").isZero();
		JsonNode inbox = json(mvc.perform(ann.as(get("/api/notifications?unread=true"))).andReturn());
		assertThat(inbox.get("items").valueStream().map(item -> item.get("id").asLong()))
			.as("the notifications stay unread").contains(doneNotification, goneNotification);
	}

	@Test
	void anotherUsersNotificationCannotBeSnoozed() throws Exception {
		long taskId = task("Ann's task");
		long notificationId = notificationFor(taskId, "Ann's task");
		TestUser bob = TestUsers.signUp(mvc);

		snooze(bob, notificationId, "{\"for\": \"PT10M\"}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/not-found"));
		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + taskId))).andReturn());
		assertThat(task.get("reminders").size()).isZero();
	}

	/** A snooze is "remind me again" about this occurrence; the series keeps its own reminders. */
	@Test
	void theNextInstanceOfARecurringTaskDoesNotInheritASnooze() throws Exception {
		String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
		long weekly = ann.createTask(mvc, "{\"title\": \"Weekly review\", \"due_at\": \"" + today
				+ "\", \"recurrence\": \"weekly\", \"reminders\": [{\"before\": \"PT0S\"}]}");
		snooze(ann, notificationFor(weekly, "Weekly review"), "{\"until\": \"tomorrow\"}").andExpect(status().isOk());
		long daily = ann.createTask(mvc, "{\"title\": \"Stand-up\", \"due_at\": \"" + today
				+ "\", \"recurrence\": \"daily\", \"reminders\": [{\"at\": \"" + Instant.now().minusSeconds(60)
				+ "\"}]}");
		snooze(ann, notificationFor(daily, "Stand-up"), "{\"for\": \"PT5M\"}").andExpect(status().isOk());
		JsonNode snoozedTask = json(mvc.perform(ann.as(get("/api/tasks/" + weekly))).andReturn());
		assertThat(snoozedTask.get("reminders")).anySatisfy(reminder -> assertThat(reminder.path("snoozed").asBoolean()).isTrue());

		mvc.perform(ann.as(post("/api/tasks/" + weekly + "/complete"))).andExpect(status().isOk());
		mvc.perform(ann.as(post("/api/tasks/" + daily + "/complete"))).andExpect(status().isOk());

		JsonNode nextWeekly = nextInstanceOf(weekly);
		assertThat(nextWeekly.get("reminders")).hasSize(1);
		assertThat(nextWeekly.at("/reminders/0/before").asString()).isEqualTo("PT0S");
		JsonNode nextDaily = nextInstanceOf(daily);
		assertThat(nextDaily.get("reminders")).as("the series' own reminder, a day later; not the snooze").hasSize(1);
		assertThat(nextDaily.at("/reminders/0/snoozed").isMissingNode()).isTrue();
	}

	/** Snoozes are not the person's reminders: a task with all 10 of those can still be snoozed. */
	@Test
	void aTaskWithTheMostRemindersCanStillBeSnoozed() throws Exception {
		StringBuilder reminders = new StringBuilder();
		for (int i = 1; i <= 10; i++) {
			reminders.append(i == 1 ? "" : ", ").append("{\"before\": \"PT").append(i).append("M\"}");
		}
		long taskId = ann.createTask(mvc, "{\"title\": \"Busy\", \"due_at\": \"2099-01-01\", \"reminders\": ["
				+ reminders + "]}");

		snooze(ann, notificationFor(taskId, "Busy"), "{\"for\": \"PT10M\"}").andExpect(status().isOk());

		JsonNode task = json(mvc.perform(ann.as(get("/api/tasks/" + taskId))).andReturn());
		assertThat(task.get("reminders")).hasSize(11);
		mvc.perform(ann.as(put("/api/tasks/" + taskId)).contentType(MediaType.APPLICATION_JSON).content(task.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminders.length()").value(11))
			.andExpect(jsonPath("$.reminders[10].snoozed").value(true));
	}

	private JsonNode nextInstanceOf(long taskId) throws Exception {
		await().until(() -> jdbc.sql("select count(*) from tasks where previous_task_id = :id")
			.param("id", taskId)
			.query(Integer.class)
			.single() == 1);
		long next = jdbc.sql("select id from tasks where previous_task_id = :id").param("id", taskId).query(Long.class).single();
		return json(mvc.perform(ann.as(get("/api/tasks/" + next))).andExpect(status().isOk()).andReturn());
	}

	/** What the reminder scheduler leaves behind once the task's reminders have fired. */
	private void firedAlready(long taskId) {
		Instant past = Instant.now().minusSeconds(60);
		jdbc.sql("update task_reminders set at = :past, remind_at = :past, sent_at = :past where task_id = :id")
			.param("past", SqlTime.utc(past))
			.param("id", taskId)
			.update();
	}

	private ResultActions snooze(TestUser user, long notificationId, String body) throws Exception {
		return mvc.perform(user.as(post("/api/notifications/" + notificationId + "/snooze"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private long task(String title) throws Exception {
		return json(mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"" + title.replace("'", "\\u0027") + "\"}")).andExpect(status().isCreated()).andReturn())
			.get("id").asLong();
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
