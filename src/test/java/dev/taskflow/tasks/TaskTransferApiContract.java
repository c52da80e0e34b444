package dev.taskflow.tasks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static dev.taskflow.support.TestUsers.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/export} and {@code POST /api/import}: every field out and back in, and every bad file refused. */
abstract class TaskTransferApiContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** What an import reproduces; ids, timestamps, versions and reminder firing state are the new owner's own. */
	private static final List<String> CARRIED = List.of("title", "description", "status", "priority", "tags", "due_at",
			"all_day", "recurrence", "recurrence_from", "series_index", "series_anchor");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aJsonExportImportedByAnotherUserGivesTheSameTasks() throws Exception {
		TestUser ann = withEveryKindOfTask();
		TestUser bob = TestUsers.signUp(mvc);

		MvcResult exported = mvc.perform(ann.as(get("/api/export?format=json")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment; filename=\"taskflow-tasks-")))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.format").value("taskflow.tasks"))
			.andExpect(jsonPath("$.tasks", hasSize(4)))
			.andReturn();

		mvc.perform(bob.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON)
			.content(exported.getResponse().getContentAsByteArray()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(4))
			.andExpect(jsonPath("$.ids", hasSize(4)));

		assertThat(carried(exportOf(bob))).isEqualTo(carried(exportOf(ann)));
	}

	@Test
	void aCsvExportImportedByAnotherUserGivesTheSameTasks() throws Exception {
		TestUser ann = withEveryKindOfTask();
		TestUser bob = TestUsers.signUp(mvc);

		MvcResult exported = mvc.perform(ann.as(get("/api/export?format=csv")))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/csv"))
			.andExpect(content().string(containsString(
					"title,description,status,priority,tags,due_at,recurrence,recurrence_from,reminders,created_at,completed_at")))
			.andExpect(content().string(containsString("'=SUM(A1)")))
			.andReturn();

		mvc.perform(bob.as(post("/api/import")).contentType("text/csv")
			.content(exported.getResponse().getContentAsByteArray()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(4));

		assertThat(carried(exportOf(bob))).isEqualTo(carried(exportOf(ann)));
	}

	@Test
	void anExportHoldsOnlyTheOwnersLiveTasks() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		create(ann, "{\"title\": \"Ann's task\"}");
		long trashed = create(ann, "{\"title\": \"Thrown away\"}").get("id").asLong();
		mvc.perform(ann.as(delete("/api/tasks/" + trashed))).andExpect(status().isNoContent());
		create(bob, "{\"title\": \"Bob's task\"}");

		assertThat(titles(exportOf(ann))).containsExactly("Ann's task");
		assertThat(titles(exportOf(bob))).containsExactly("Bob's task");
		mvc.perform(get("/api/export")).andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void anUnknownFormatIsABadRequest() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		mvc.perform(ann.as(get("/api/export?format=xlsx")))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("format"))
			.andExpect(jsonPath("$.errors[0].message").value("'xlsx' is not a format; use json or csv"));
	}

	@Test
	void aFileWithWrongRowsImportsNothingAndNamesEachRow() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		mvc.perform(ann.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("""
				{"tasks": [{"title": "Fine"}, {"title": "", "due_at": "next week"}, {"title": "Fine too", "priority": "urgent"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[?(@.field == 'rows[2].title')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'rows[2].due_at')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'rows[3].priority')]").exists());

		mvc.perform(ann.as(post("/api/import")).contentType("text/csv").content("title,due_at\nFine,\n,2026-13-45\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'rows[2].title')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'rows[2].due_at')]").exists());

		assertThat(titles(exportOf(ann))).isEmpty();
	}

	/** As POST /api/tasks refuses a body naming a key twice: the last one silently won, whatever the file meant. */
	@Test
	void aKeyGivenTwiceInATaskRefusesTheFileNamingTheKeyAndTheRow() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		mvc.perform(ann.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("""
				{"tasks": [{"title": "Fine"}, {"title": "Dentist", "priority": "high", "priority": "low"}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/validation"))
			.andExpect(jsonPath("$.errors", hasSize(1)))
			.andExpect(jsonPath("$.errors[0].field").value("rows[2].priority"))
			.andExpect(jsonPath("$.errors[0].message").value("is given more than once"));
		mvc.perform(ann.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("""
				[{"title": "One", "reminders": [{"before": "PT1H", "before": "PT2H"}]}]"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("rows[1].reminders[0].before"));
		expectFileProblem(ann, MediaType.APPLICATION_JSON_VALUE, "{\"tasks\": [], \"tasks\": [{\"title\": \"One\"}]}",
				"names \"tasks\" more than once");

		assertThat(titles(exportOf(ann))).isEmpty();
	}

	@Test
	void filesThatAreNoTaskListAreBadRequests() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		expectFileProblem(ann, MediaType.APPLICATION_JSON_VALUE, "{\"tasks\": [", "is not valid JSON");
		expectFileProblem(ann, MediaType.APPLICATION_JSON_VALUE, "{\"title\": \"One\"}", "must be a TaskFlow export");
		expectFileProblem(ann, "text/csv", "name,when\nMilk,today\n", "needs a header row with a title column");
		expectFileProblem(ann, "text/csv", "title,colour\nMilk,blue\n", "has columns TaskFlow does not know: colour");
		expectFileProblem(ann, "text/csv", "title\n" + "Task\n".repeat(2_001), "holds 2001 tasks; import at most 2000");
		expectFileProblem(ann, "text/csv", "title,title\nFirst,Second\n", "names a column more than once: title");
		expectFileProblem(ann, "text/csv", "title,Description,description \nMilk,a,b\n",
				"names a column more than once: description");

		mvc.perform(ann.as(post("/api/import")).contentType(MediaType.APPLICATION_XML).content("<tasks/>"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(ann.as(post("/api/import")).contentType("text/csv").content("title\n" + "x".repeat(2_100_000)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		assertThat(titles(exportOf(ann))).isEmpty();
	}

	/**
	 * A file's text is decoded before it is read as CSV, so a file in another encoding is refused with what is
	 * wrong rather than "line -1, column -1"; a charset the Content-Type names is honoured.
	 */
	@Test
	void aCsvFileIsReadInItsCharsetAndOneThatIsNotUtf8IsRefusedSayingSo() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		byte[] latin1 = "title\nCaf\u00e9 au lait\n".getBytes(StandardCharsets.ISO_8859_1);
		byte[] utf16 = "\uFEFFtitle\nTea\n".getBytes(StandardCharsets.UTF_16LE);

		mvc.perform(ann.as(post("/api/import")).contentType("text/csv").content(latin1))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(
					"is not UTF-8 text (line 2 has bytes UTF-8 does not allow); save it as UTF-8 (\"CSV UTF-8\" in a "
							+ "spreadsheet) and import it again"));
		mvc.perform(ann.as(post("/api/import")).contentType("text/csv").content(utf16))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value(containsString("is UTF-16 or UTF-32 text, not UTF-8")));
		mvc.perform(ann.as(post("/api/import")).contentType("text/csv").content(new byte[0]))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("a CSV import starts with a header row")));
		assertThat(titles(exportOf(ann))).isEmpty();

		mvc.perform(ann.as(post("/api/import")).contentType("text/csv; charset=ISO-8859-1").content(latin1))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(1));
		mvc.perform(ann.as(post("/api/import")).contentType("text/csv; charset=UTF-8")
			.content("\uFEFFtitle\nTea\n".getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk());
		assertThat(titles(exportOf(ann))).containsExactly("Caf\u00e9 au lait", "Tea");
	}

	/** As JSON does: a description is the person's text, spaces and all, so an export comes back as it was. */
	@Test
	void aCsvImportKeepsTheSpacesAroundADescription() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		create(ann, "{\"title\": \"Indented\", \"description\": \" lead\\n  and trail  \"}");
		TestUser bob = TestUsers.signUp(mvc);

		mvc.perform(bob.as(post("/api/import")).contentType("text/csv")
			.content(mvc.perform(ann.as(get("/api/export?format=csv"))).andReturn().getResponse().getContentAsByteArray()))
			.andExpect(status().isOk());
		mvc.perform(bob.as(post("/api/import")).contentType("text/csv").content("title,description\n\"lead\",\" lead\"\n"))
			.andExpect(status().isOk());

		assertThat(exportOf(bob).valueStream().map(task -> task.get("description").asString()))
			.containsExactly(" lead\n  and trail  ", " lead");
	}

	/**
	 * The copy of a series goes on as the original would: monthly from 31 January is due on 28 February
	 * and then on 31 March again, in the account it came from and in the one it went to, and a COUNT
	 * counts from the series' first due rather than from the imported instance.
	 */
	@Test
	void anImportedSeriesKeepsItsScheduleInJsonAndCsv() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long rent = create(ann, "{\"title\": \"Pay rent\", \"due_at\": \"2026-01-31\", \"recurrence\": \"monthly\"}")
			.get("id").asLong();
		long twice = create(ann, "{\"title\": \"Twice\", \"due_at\": \"2026-01-01\", \"recurrence\": \"FREQ=DAILY;COUNT=2\"}")
			.get("id").asLong();
		complete(ann, rent);
		complete(ann, twice);
		assertThat(awaitNextInstanceOf(ann, rent).get("due_at").asString()).isEqualTo("2026-02-28");
		assertThat(awaitNextInstanceOf(ann, twice).get("due_at").asString()).isEqualTo("2026-01-02");

		for (String format : List.of("json", "csv")) {
			TestUser bob = importedByAnother(ann, format, 4);
			JsonNode bobsRent = pending(bob, "Pay rent");
			assertThat(bobsRent.get("series_index").asInt()).as(format).isEqualTo(2);
			assertThat(bobsRent.get("series_anchor").asString()).as(format).isEqualTo("2026-01-31");

			complete(bob, bobsRent.get("id").asLong());
			long bobsTwice = pending(bob, "Twice").get("id").asLong();
			complete(bob, bobsTwice);

			assertThat(awaitNextInstanceOf(bob, bobsRent.get("id").asLong()).get("due_at").asString()).as(format)
				.isEqualTo("2026-03-31");
			awaitRecurrenceConsumerDoneWith(bobsTwice);
			assertThat(jdbc.sql("select count(*) from tasks where previous_task_id = :id").param("id", bobsTwice)
				.query(Integer.class).single()).as(format + ": the series ended with its second instance").isZero();
			JsonNode series = exportOf(bob);
			assertThat(series.valueStream()
				.filter(task -> task.get("title").asString().equals("Pay rent"))
				.map(task -> task.get("series_id").asLong())
				.distinct()).as(format + ": the instances of a series share it in the new account too").hasSize(1);
		}
	}

	/**
	 * Undo works on an imported series as in the account it came from: reopening the completed instance
	 * takes back the next one its completion brought, and completing it again brings one anew.
	 */
	@Test
	void reopeningAnImportedCompletedInstanceTakesBackTheNextOneInJsonAndCsv() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		long gym = create(ann, "{\"title\": \"Gym\", \"due_at\": \"2027-02-01\", \"recurrence\": \"daily\"}")
			.get("id").asLong();
		complete(ann, gym);
		awaitNextInstanceOf(ann, gym);

		for (String format : List.of("json", "csv")) {
			TestUser bob = importedByAnother(ann, format, 2);
			long first = exportOf(bob).valueStream()
				.filter(task -> task.get("status").asString().equals("completed"))
				.findFirst().orElseThrow().get("id").asLong();

			mvc.perform(bob.as(post("/api/tasks/" + first + "/reopen"))).andExpect(status().isOk());

			assertThat(titles(exportOf(bob))).as(format + ": the second instance was taken back").containsExactly("Gym");
			complete(bob, first);
			JsonNode next = awaitNextInstanceOf(bob, first);
			assertThat(next.get("series_index").asInt()).as(format).isEqualTo(2);
			assertThat(pending(bob, "Gym").get("id").asLong()).as(format + ": one next instance").isEqualTo(next.get("id").asLong());
		}
	}

	/**
	 * An import brings tasks, not their past alerts: a reminder that fired in the account the file came
	 * from and whose time has passed stays fired (JSON says so with sent; CSV cannot say, so a past one is
	 * taken as fired), while one still ahead fires at its time.
	 */
	@Test
	void remindersThatFiredBeforeTheExportDoNotFireAgainAfterTheImport() throws Exception {
		TestUser bob = TestUsers.signUp(mvc);

		mvc.perform(bob.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("""
				{"tasks": [{"title": "From JSON", "due_at": "2020-01-01", "reminders": [
				  {"before": "PT1H", "remind_at": "2019-12-31T23:00:00Z", "sent": true},
				  {"at": "2099-01-01T00:00:00Z", "sent": true}]}]}"""))
			.andExpect(status().isOk());
		mvc.perform(bob.as(post("/api/import")).contentType("text/csv")
			.content("title,due_at,reminders\nFrom CSV,2020-01-01,PT1H 2099-01-01T00:00:00Z\n"))
			.andExpect(status().isOk());

		// a past reminder the file does not call fired is a missed one, and fires: once its notification is
		// there, the reminders imported before it have had their turn too
		mvc.perform(bob.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("""
				[{"title": "Missed", "due_at": "2020-01-01", "reminders": [{"before": "PT1H", "sent": false}]}]"""))
			.andExpect(status().isOk());
		await().until(() -> notificationTitles(bob).contains("Missed"));
		await().until(() -> jdbc.sql("select count(*) from embedded_deliveries where consumer = 'notifications'")
			.query(Integer.class).single() == 0);

		assertThat(notificationTitles(bob)).containsExactly("Missed");
		for (String title : List.of("From JSON", "From CSV")) {
			JsonNode reminders = pending(bob, title).get("reminders");
			assertThat(reminders.get(0).get("sent").asBoolean()).as(title + ": past and fired").isTrue();
			assertThat(reminders.get(1).get("sent").asBoolean()).as(title + ": still ahead").isFalse();
		}
	}

	/**
	 * A snoozed notification adds a snooze to the task, which does not count against its ten reminders. The
	 * CSV cell wrote it as a plain reminder, so a task with ten reminders and a snooze could not come back,
	 * and one with fewer came back with the snooze as a reminder every next instance would copy.
	 */
	@Test
	void aSnoozeComesBackFromACsvExportAsASnooze() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		mvc.perform(ann.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("""
				[{"title": "Renew passport", "due_at": "2027-06-01", "reminders": [
				  {"before": "P1D"}, {"before": "P2D"}, {"before": "P3D"}, {"before": "P4D"}, {"before": "P5D"},
				  {"before": "P6D"}, {"before": "P7D"}, {"before": "P8D"}, {"before": "P9D"},
				  {"at": "2020-11-30T03:00:00Z", "sent": true}, {"at": "2099-11-30T14:00:00Z", "snoozed": true}]}]"""))
			.andExpect(status().isOk());

		String csv = mvc.perform(ann.as(get("/api/export?format=csv"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("P9D 2020-11-30T03:00:00Z snoozed:2099-11-30T14:00:00Z");
		TestUser bob = TestUsers.signUp(mvc);
		mvc.perform(bob.as(post("/api/import")).contentType("text/csv").content(csv))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(1));

		JsonNode reminders = pending(bob, "Renew passport").get("reminders");
		assertThat(reminders).hasSize(11);
		assertThat(reminders.get(10).get("at").asString()).isEqualTo("2099-11-30T14:00:00Z");
		assertThat(reminders.get(10).path("snoozed").asBoolean(false)).as("still a snooze").isTrue();
		assertThat(reminders.get(9).has("snoozed")).as("a reminder at a moment stays one").isFalse();
	}

	private List<String> notificationTitles(TestUser user) throws Exception {
		List<String> titles = new ArrayList<>();
		json(mvc.perform(user.as(get("/api/notifications"))).andExpect(status().isOk()).andReturn()).get("items")
			.forEach(item -> titles.add(item.get("title").asString()));
		return titles;
	}

	/** Exports from before series_index was written import as before: each recurring task starts its series. */
	@Test
	void anExportWithoutSeriesPlacesStillImports() throws Exception {
		TestUser bob = TestUsers.signUp(mvc);

		mvc.perform(bob.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("""
				{"format": "taskflow.tasks", "version": 1, "tasks": [{"id": 7, "title": "Old", "due_at": "2026-02-28",
				 "recurrence": "monthly", "series_id": 3}]}"""))
			.andExpect(status().isOk());
		mvc.perform(bob.as(post("/api/import")).contentType("text/csv")
			.content("title,series_index,series_anchor\nBad,0,someday\n"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'rows[1].series_index')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'rows[1].series_anchor')]").exists());

		JsonNode old = pending(bob, "Old");
		assertThat(old.get("series_id").asLong()).isEqualTo(old.get("id").asLong());
		assertThat(old.get("series_index").asInt()).isEqualTo(1);
		assertThat(old.get("series_anchor").asString()).isEqualTo("2026-02-28");
	}

	@Test
	void anEmptyListImportsNothingAndSaysSo() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		mvc.perform(ann.as(post("/api/import")).contentType(MediaType.APPLICATION_JSON).content("[]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(0));
	}

	private void expectFileProblem(TestUser user, String contentType, String body, String message) throws Exception {
		mvc.perform(user.as(post("/api/import")).contentType(contentType).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("file"))
			.andExpect(jsonPath("$.errors[0].message", containsString(message)));
	}

	/** A user with an all-day and a timed task, a recurring one with reminders and a completed one. */
	private TestUser withEveryKindOfTask() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Europe/Berlin");
		create(ann, """
				{"title": "=SUM(A1)", "description": "Notes, with \\"quotes\\"\\nand a second line", "priority": "high",
				 "tags": ["work", "q4"], "due_at": "2030-12-01"}""");
		create(ann, """
				{"title": "Dentist", "due_at": "2030-12-02T09:30:00+01:00",
				 "reminders": [{"before": "PT30M"}, {"at": "2030-12-01T18:00:00Z"}]}""");
		create(ann, """
				{"title": "Water the plants", "due_at": "2030-12-03", "recurrence": "FREQ=WEEKLY;BYDAY=MO,TH",
				 "recurrence_from": "completion", "tags": ["home"]}""");
		long done = create(ann, "{\"title\": \"Filed taxes\", \"priority\": \"low\"}").get("id").asLong();
		mvc.perform(ann.as(post("/api/tasks/" + done + "/complete"))).andExpect(status().isOk());
		return ann;
	}

	private JsonNode create(TestUser user, String body) throws Exception {
		return json(mvc.perform(user.as(post("/api/tasks")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isCreated())
			.andReturn());
	}

	private void complete(TestUser user, long id) throws Exception {
		mvc.perform(user.as(post("/api/tasks/" + id + "/complete"))).andExpect(status().isOk());
	}

	private JsonNode pending(TestUser user, String title) throws Exception {
		List<JsonNode> found = new ArrayList<>();
		exportOf(user).forEach(task -> {
			if (task.get("title").asString().equals(title) && task.get("status").asString().equals("pending")) {
				found.add(task);
			}
		});
		assertThat(found).as("pending tasks titled " + title).hasSize(1);
		return found.get(0);
	}

	/** Waits until the recurrence consumer has handled every event of a task (the embedded queue holds none). */
	private void awaitRecurrenceConsumerDoneWith(long taskId) {
		await().until(() -> jdbc.sql("""
				select count(*) from embedded_deliveries where consumer = 'recurrence' and partition_key = :id""")
			.param("id", String.valueOf(taskId)).query(Integer.class).single() == 0);
	}

	private JsonNode awaitNextInstanceOf(TestUser user, long taskId) throws Exception {
		await().until(() -> jdbc.sql("select count(*) from tasks where previous_task_id = :id")
			.param("id", taskId).query(Integer.class).single() == 1);
		long next = jdbc.sql("select id from tasks where previous_task_id = :id").param("id", taskId).query(Long.class).single();
		return json(mvc.perform(user.as(get("/api/tasks/" + next))).andExpect(status().isOk()).andReturn());
	}

	/** A new user who imported {@code from}'s export in {@code format} ("json" or "csv"), of {@code count} tasks. */
	private TestUser importedByAnother(TestUser from, String format, int count) throws Exception {
		TestUser other = TestUsers.signUp(mvc);
		mvc.perform(other.as(post("/api/import"))
			.contentType(format.equals("json") ? MediaType.APPLICATION_JSON_VALUE : "text/csv")
			.content(mvc.perform(from.as(get("/api/export?format=" + format))).andReturn().getResponse()
				.getContentAsByteArray()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.imported").value(count));
		return other;
	}

	private JsonNode exportOf(TestUser user) throws Exception {
		return json(mvc.perform(user.as(get("/api/export"))).andExpect(status().isOk()).andReturn()).get("tasks");
	}

	private static List<String> titles(JsonNode tasks) {
		List<String> titles = new ArrayList<>();
		tasks.forEach(task -> titles.add(task.get("title").asString()));
		return titles;
	}

	/** Each task with only what an import carries over; reminders as asked for (at or before). */
	private static List<JsonNode> carried(JsonNode tasks) {
		List<JsonNode> result = new ArrayList<>();
		tasks.forEach(task -> {
			ObjectNode kept = JSON.createObjectNode();
			CARRIED.forEach(field -> kept.set(field, task.get(field)));
			kept.set("reminders", JSON.valueToTree(task.get("reminders")
				.valueStream()
				.map(reminder -> reminder.has("at") ? "at " + reminder.get("at").asString()
						: "before " + reminder.get("before").asString())
				.toList()));
			result.add(kept);
		});
		return result;
	}
}
