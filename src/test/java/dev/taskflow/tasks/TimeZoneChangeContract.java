package dev.taskflow.tasks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.platform.SqlTime;
import dev.taskflow.support.HeldTransaction;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A date without a time is read in the account's zone, so changing the zone moves what follows from an
 * all-day task's day: when its relative reminders fire, when it is overdue. Exact times stay put.
 */
abstract class TimeZoneChangeContract {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	/**
	 * A task written while the zone changes waits for the change and is worked out in the new zone, like
	 * the tasks the change re-timed: the zone its request was authenticated with is already the old one.
	 */
	@Test
	void tasksWrittenWhileTheZoneChangesAreTimedInTheNewZone() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "UTC");
		String allDay = "{\"title\": \"Pack\", \"due_at\": \"2026-12-10\", \"reminders\": [{\"before\": \"PT1H\"}]}";
		long renamed = create(ann, allDay).get("id").asLong();
		ExecutorService writers = Executors.newFixedThreadPool(2);
		try {
			Future<JsonNode> created;
			Future<JsonNode> edited;
			try (HeldTransaction change = HeldTransaction.start(transactions, dataSource,
					() -> accounts.changeTimeZone(UUID.fromString(ann.id()), "America/Los_Angeles"))) {
				created = writers.submit(() -> create(ann, allDay));
				edited = writers.submit(() -> json(mvc.perform(ann.as(patch("/api/tasks/" + renamed))
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\": \"Pack the car\"}")).andExpect(status().isOk()).andReturn()));
				change.commitOnceEachIsDoneOrWaiting(List.of(created, edited));
			}

			// an hour before 10 December begins in Los Angeles (08:00 UTC), not in UTC
			assertThat(remindAt(created.get())).isEqualTo("2026-12-10T07:00:00Z");
			assertThat(remindAt(edited.get())).isEqualTo("2026-12-10T07:00:00Z");
			assertThat(remindAt(task(ann, renamed))).isEqualTo("2026-12-10T07:00:00Z");
		}
		finally {
			writers.shutdown();
		}
	}

	@Test
	void anAllDayTasksRemindersMoveToTheNewZoneAndATimedTasksStay() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "UTC");
		JsonNode allDay = create(ann, "{\"title\": \"tzrem\", \"due_at\": \"2026-12-10\", \"reminders\": [{\"before\": \"PT15M\"}]}");
		JsonNode timed = create(ann, """
				{"title": "call", "due_at": "2026-12-10T09:00:00Z", "reminders": [{"before": "PT15M"}]}""");
		assertThat(remindAt(allDay)).isEqualTo("2026-12-09T23:45:00Z");

		changeZone(ann, "Pacific/Auckland");

		JsonNode moved = task(ann, allDay.get("id").asLong());
		assertThat(remindAt(moved)).as("15 minutes before 10 December begins in Auckland").isEqualTo("2026-12-09T10:45:00Z");
		assertThat(moved.get("version").asInt()).isEqualTo(2);
		assertThat(remindAt(create(ann, "{\"title\": \"tzrem\", \"due_at\": \"2026-12-10\", \"reminders\": [{\"before\": \"PT15M\"}]}")))
			.as("the same as a task created in the new zone").isEqualTo("2026-12-09T10:45:00Z");
		JsonNode stayed = task(ann, timed.get("id").asLong());
		assertThat(remindAt(stayed)).isEqualTo("2026-12-10T08:45:00Z");
		assertThat(stayed.get("version").asInt()).as("nothing about it changed").isEqualTo(1);

		// the history says why the reminders moved (through the task.updated event every consumer gets)
		await().untilAsserted(() -> mvc.perform(ann.as(get("/api/tasks/" + allDay.get("id").asLong() + "/history")))
			.andExpect(jsonPath("$[*].changes.time_zone.new").value(hasItem("Pacific/Auckland"))));
	}

	@Test
	void aReminderThatIsDueSoonerInTheNewZoneFiresAtOnceAndAFiredOneStaysFired() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Etc/GMT+12");
		LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
		// at −12:00, 12 hours before tomorrow begins is tomorrow midnight UTC: ahead, whatever the time now
		long soon = create(ann, "{\"title\": \"Pack\", \"due_at\": \"" + tomorrow
				+ "\", \"reminders\": [{\"before\": \"PT12H\"}]}").get("id").asLong();
		long fired = create(ann, "{\"title\": \"Fired\", \"due_at\": \"" + tomorrow.plusDays(30)
				+ "\", \"reminders\": [{\"before\": \"PT12H\"}]}").get("id").asLong();
		jdbc.sql("update task_reminders set sent_at = :now where task_id = :id")
			.param("now", SqlTime.utc(Instant.now()))
			.param("id", fired)
			.update();

		// at +14:00 it was 26 hours earlier: already past, so the scheduler fires it now
		changeZone(ann, "Pacific/Kiritimati");

		await().untilAsserted(() -> assertThat(task(ann, soon).at("/reminders/0/sent").asBoolean()).isTrue());
		JsonNode stillFired = task(ann, fired);
		assertThat(stillFired.at("/reminders/0/sent").asBoolean()).isTrue();
		assertThat(remindAt(stillFired))
			.isEqualTo(tomorrow.plusDays(30).atStartOfDay(ZoneId.of("Pacific/Kiritimati")).minusHours(12).toInstant().toString());
	}

	@Test
	void anAllDayTaskIsOverdueOnceItsDayIsOverInTheNewZone() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Etc/GMT+12");
		// yesterday at +14:00 is over, while at −12:00 it is still that day (or earlier)
		LocalDate day = LocalDate.now(ZoneId.of("Pacific/Kiritimati")).minusDays(1);
		long id = create(ann, "{\"title\": \"Yesterday there\", \"due_at\": \"" + day + "\"}").get("id").asLong();
		assertThat(overdueIds(ann)).doesNotContain(id);

		changeZone(ann, "Pacific/Kiritimati");

		assertThat(overdueIds(ann)).contains(id);
		assertThat(task(ann, id).get("version").asInt()).as("its place in the list is no edit").isEqualTo(1);
	}

	@Test
	void aTaskInTheTrashComesBackWithRemindersInTheNewZone() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "UTC");
		long id = create(ann, "{\"title\": \"Later\", \"due_at\": \"2030-03-10\", \"reminders\": [{\"before\": \"PT1H\"}]}")
			.get("id").asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + id))).andExpect(status().isNoContent());

		changeZone(ann, "Asia/Tokyo");
		mvc.perform(ann.as(post("/api/tasks/" + id + "/restore"))).andExpect(status().isOk());

		assertThat(remindAt(task(ann, id))).isEqualTo("2030-03-09T14:00:00Z");
	}

	/** Reminders worked out in a zone the account has left (saved before zone changes re-timed them). */
	@Test
	void settingTheSameDueAgainPutsStaleRemindersRight() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Pacific/Auckland");
		long id = create(ann, "{\"title\": \"tzrem\", \"due_at\": \"2026-12-10\", \"reminders\": [{\"before\": \"PT15M\"}]}")
			.get("id").asLong();
		jdbc.sql("update task_reminders set remind_at = :utc where task_id = :id")
			.param("utc", SqlTime.utc(Instant.parse("2026-12-09T23:45:00Z")))
			.param("id", id)
			.update();

		mvc.perform(ann.as(patch("/api/tasks/" + id)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"due_at\": \"2026-12-10\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminders[0].remind_at").value("2026-12-09T10:45:00Z"));
	}

	/**
	 * Re-timing is TaskFlow's own change, not the person's: reopening a completed all-day recurring task
	 * still takes back the next instance its completion brought, although the zone change gave that
	 * instance a new version.
	 */
	@Test
	void reopeningAfterAZoneChangeStillTakesBackTheNextInstance() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "UTC");
		long id = create(ann, """
				{"title": "tzgym", "due_at": "2027-03-01", "recurrence": "daily", "reminders": [{"before": "PT1H"}]}""")
			.get("id").asLong();
		mvc.perform(ann.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());
		await().until(() -> jdbc.sql("select count(*) from tasks where previous_task_id = :id").param("id", id)
			.query(Integer.class).single() == 1);
		long next = jdbc.sql("select id from tasks where previous_task_id = :id").param("id", id).query(Long.class).single();

		changeZone(ann, "Asia/Tokyo");
		assertThat(task(ann, next).get("version").asInt()).as("its reminder moved to Tokyo's day").isEqualTo(2);
		mvc.perform(ann.as(post("/api/tasks/" + id + "/reopen"))).andExpect(status().isOk());

		mvc.perform(ann.as(get("/api/tasks/" + next))).andExpect(status().isNotFound());
	}

	private void changeZone(TestUser user, String zone) throws Exception {
		mvc.perform(user.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"time_zone\": \"" + zone + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.time_zone").value(zone));
	}

	private JsonNode create(TestUser user, String body) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private JsonNode task(TestUser user, long id) throws Exception {
		return json(mvc.perform(user.as(get("/api/tasks/" + id))).andExpect(status().isOk()).andReturn());
	}

	private java.util.List<Long> overdueIds(TestUser user) throws Exception {
		return json(mvc.perform(user.as(get("/api/tasks?overdue=true"))).andExpect(status().isOk()).andReturn())
			.get("items").valueStream().map(task -> task.get("id").asLong()).toList();
	}

	private static String remindAt(JsonNode task) {
		return Instant.parse(task.at("/reminders/0/remind_at").asString()).toString();
	}
}
