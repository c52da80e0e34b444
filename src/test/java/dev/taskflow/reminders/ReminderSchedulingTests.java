package dev.taskflow.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.taskflow.eventing.EventEnvelope;
import dev.taskflow.eventing.Topics;
import dev.taskflow.reminders.internal.ReminderTest;
import dev.taskflow.support.EventSchemas;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
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
 * Reminders fire through the embedded scheduler as {@code reminder.due} on the reminders topic, once,
 * at their (current) time, and only for pending tasks. How late they fire is the benchmark's business;
 * these tests only wait for them.
 */
@ReminderTest
class ReminderSchedulingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ReminderRecorder recorder;

	@Autowired
	JsonMapper jsonMapper;

	TestUser ann;

	@BeforeEach
	void signUp() throws Exception {
		ann = TestUsers.signUp(mvc);
	}

	@Test
	void aReminderTwoSecondsAheadFiresOnceAsReminderDue() throws Exception {
		Instant at = inSeconds(2);
		JsonNode task = create("""
				{"title": "Call the dentist", "due_at": "2030-05-04T09:30:00+02:00", "reminders": [{"at": "%s"}]}"""
			.formatted(at));
		long id = task.get("id").asLong();
		assertThat(task.at("/reminders/0/sent").asBoolean()).isFalse();

		await().untilAsserted(() -> assertThat(recorder.delivered(id)).hasSize(1));

		EventEnvelope event = recorder.delivered(id).get(0);
		assertThat(event.type()).isEqualTo("reminder.due");
		assertThat(event.source()).isEqualTo("/taskflow/reminders");
		assertThat(event.subject()).isEqualTo(String.valueOf(id));
		assertThat(event.partitionKey()).isEqualTo(String.valueOf(id));
		JsonNode body = event.data();
		assertThat(body.get("event_id").asString()).isEqualTo(event.id().toString());
		assertThat(body.get("event_type").asString()).isEqualTo("reminder.due");
		assertThat(body.get("user_id").asString()).isEqualTo(ann.id());
		assertThat(body.get("task_id").asLong()).isEqualTo(id);
		assertThat(body.get("title").asString()).isEqualTo("Call the dentist");
		assertThat(body.get("due_at").asString()).isEqualTo("2030-05-04T09:30:00+02:00");
		assertThat(Instant.parse(body.get("remind_at").asString())).isEqualTo(at);
		assertThat(body.get("reminder_id").asLong()).isPositive();
		assertThat(EventSchemas.violations(Topics.REMINDERS, event.toJson(jsonMapper))).isEmpty();
		assertThat(recorder.published(id)).as("claimed and published once").hasSize(1);
		assertThat(read(id).at("/reminders/0/sent").asBoolean()).isTrue();
	}

	@Test
	void anEarlierReminderWakesTheSchedulerSleepingUntilALaterOne() throws Exception {
		create("{\"title\": \"Later\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(3600)));
		long sooner = create("{\"title\": \"Sooner\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(2)))
			.get("id")
			.asLong();

		await().untilAsserted(() -> assertThat(recorder.delivered(sooner)).hasSize(1));
	}

	@Test
	void aTaskWithoutADueDateHasNoTimeForARelativeReminderAndNeverFiresIt() throws Exception {
		JsonNode task = create("{\"title\": \"Undated\", \"reminders\": [{\"before\": \"PT15M\"}]}");

		assertThat(task.at("/reminders/0/before").asString()).isEqualTo("PT15M");
		assertThat(task.at("/reminders/0/remind_at").isMissingNode()).isTrue();
		long control = create("{\"title\": \"Control\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(1)))
			.get("id")
			.asLong();
		await().untilAsserted(() -> assertThat(recorder.delivered(control)).hasSize(1));
		assertThat(recorder.published(task.get("id").asLong())).isEmpty();
	}

	@Test
	void movingTheDueDateMovesARelativeReminderWhichFiresAtItsNewTime() throws Exception {
		Instant farDue = inSeconds(86_400);
		JsonNode task = create("{\"title\": \"Report\", \"due_at\": \"%s\", \"reminders\": [{\"before\": \"PT10M\"}]}"
			.formatted(farDue));
		long id = task.get("id").asLong();
		Instant oldRemindAt = Instant.parse(task.at("/reminders/0/remind_at").asString());
		assertThat(oldRemindAt).isEqualTo(farDue.minus(Duration.ofMinutes(10)));

		Instant nearDue = inSeconds(600 + 2);
		JsonNode moved = change(id, "{\"due_at\": \"%s\"}".formatted(nearDue));

		Instant newRemindAt = Instant.parse(moved.at("/reminders/0/remind_at").asString());
		assertThat(newRemindAt).isEqualTo(nearDue.minus(Duration.ofMinutes(10)));
		assertThat(moved.at("/reminders/0/sent").asBoolean()).isFalse();
		await().untilAsserted(() -> assertThat(recorder.delivered(id)).hasSize(1));
		assertThat(Instant.parse(recorder.delivered(id).get(0).data().get("remind_at").asString()))
			.isEqualTo(newRemindAt);
		assertThat(read(id).at("/reminders/0/sent").asBoolean()).isTrue();

		Instant nextDue = inSeconds(600 + 2);
		JsonNode movedAgain = change(id, "{\"due_at\": \"%s\"}".formatted(nextDue));

		assertThat(movedAgain.at("/reminders/0/sent").asBoolean()).as("a moved reminder is due again").isFalse();
		await().untilAsserted(() -> assertThat(recorder.delivered(id)).hasSize(2));
		List<EventEnvelope> events = recorder.delivered(id);
		assertThat(Instant.parse(events.get(1).data().get("remind_at").asString()))
			.isEqualTo(nextDue.minus(Duration.ofMinutes(10)));
		assertThat(events.get(1).id()).isNotEqualTo(events.get(0).id());
		assertThat(recorder.published(id)).hasSize(2);
	}

	@Test
	void aTaskEditThatKeepsTheReminderTimeDoesNotFireItAgain() throws Exception {
		long id = create("{\"title\": \"Once\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(1)))
			.get("id")
			.asLong();
		await().untilAsserted(() -> assertThat(recorder.delivered(id)).hasSize(1));

		JsonNode edited = change(id, "{\"title\": \"Once, renamed\", \"priority\": \"high\"}");

		assertThat(edited.at("/reminders/0/sent").asBoolean()).isTrue();
		long control = create("{\"title\": \"Control\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(1)))
			.get("id")
			.asLong();
		await().untilAsserted(() -> assertThat(recorder.delivered(control)).hasSize(1));
		assertThat(recorder.published(id)).hasSize(1);
	}

	@Test
	void completingATaskCancelsItsPendingReminders() throws Exception {
		// far enough ahead that the completion certainly comes first, even on a loaded machine
		long id = create("{\"title\": \"Done early\", \"reminders\": [{\"at\": \"%s\"}, {\"at\": \"%s\"}]}"
			.formatted(inSeconds(15), inSeconds(16))).get("id").asLong();
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());

		awaitALaterReminder(17);

		assertThat(recorder.published(id)).isEmpty();
		JsonNode task = read(id);
		assertThat(task.at("/reminders/0/sent").asBoolean()).isFalse();
		assertThat(task.at("/reminders/1/sent").asBoolean()).isFalse();
	}

	@Test
	void deletingATaskCancelsItsPendingReminders() throws Exception {
		long id = create("{\"title\": \"Never mind\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(1)))
			.get("id")
			.asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());

		awaitALaterReminder(2);

		assertThat(recorder.published(id)).isEmpty();
	}

	@Test
	void aReminderInThePastFiresAtOnce() throws Exception {
		long id = create("{\"title\": \"Overdue\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(-3600)))
			.get("id")
			.asLong();

		await().untilAsserted(() -> assertThat(recorder.delivered(id)).hasSize(1));
		EventEnvelope event = recorder.delivered(id).get(0);
		assertThat(event.data().get("due_at").isNull()).as("an undated task").isTrue();
		assertThat(EventSchemas.violations(Topics.REMINDERS, event.toJson(jsonMapper))).isEmpty();
	}

	/**
	 * Waits for a control reminder set {@code seconds} from now. The scheduler fires due reminders in
	 * the order of their time, so once it has fired the control, it has passed every earlier one.
	 */
	private void awaitALaterReminder(int seconds) throws Exception {
		long control = create("{\"title\": \"Control\", \"reminders\": [{\"at\": \"%s\"}]}".formatted(inSeconds(seconds)))
			.get("id")
			.asLong();
		await().atMost(java.time.Duration.ofSeconds(seconds + 30))
			.untilAsserted(() -> assertThat(recorder.delivered(control)).hasSize(1));
	}

	private static Instant inSeconds(long seconds) {
		return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
	}

	private JsonNode create(String body) throws Exception {
		return json(mvc.perform(ann.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private JsonNode change(long id, String body) throws Exception {
		return json(mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isOk())
			.andReturn());
	}

	private JsonNode read(long id) throws Exception {
		return json(mvc.perform(ann.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
	}
}
