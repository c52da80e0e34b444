package dev.taskflow.audit;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The task page shows who changed what and when. */
@TaskFlowTest
class TaskHistoryPageTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theEditPageLoadsTheHistoryOfTheTask() throws Exception {
		Browser ann = Browser.signedUp(mvc);
		long id = ann.addTask("Water the plants");
		assertThat(ann.post("/tasks/" + id, "title", "Water the plants", "priority", "high")).hasStatus3xxRedirection();

		assertThat(ann.page("/tasks/" + id + "/edit")).contains("hx-get=\"/tasks/" + id + "/history\"");
		await().untilAsserted(() -> assertThat(Browser.body(ann.htmxGet("/tasks/" + id + "/history")))
			.contains("Created", "Changed", "priority: none → high")
			.doesNotContain("<html"));
		assertThat(ann.page("/tasks/" + id + "/history")).contains("<html", "<h1>Task history</h1>", "Back to the task");
	}

	@Test
	void datesReadLikeEverywhereElseInTheReadersZone() {
		Browser ann = Browser.signedUp(mvc);
		long id = ann.addTask("Book the trains");
		assertThat(ann.post("/tasks/" + id, "title", "Book the trains", "dueDate", "2030-01-07", "dueTime", "09:30"))
			.hasStatus3xxRedirection();

		await().untilAsserted(() -> assertThat(Browser.body(ann.htmxGet("/tasks/" + id + "/history")))
			.contains("due: none → Mon 7 Jan 2030, 09:30")
			.doesNotContain("2030-01-07"));
	}

	@Test
	void repeatRulesAndRemindersReadInWordsAndTheReadersTime() {
		Browser ann = Browser.signedUp(mvc);
		long id = ann.addTask("Water the plants");
		assertThat(ann.post("/tasks/" + id, "title", "Water the plants", "dueDate", "2035-03-10", "dueTime", "09:00",
				"repeat", "custom", "repeatEvery", "2", "repeatUnit", "weeks", "repeatDays", "MO", "repeatDays", "WE",
				"repeatCount", "8", "repeatFrom", "due", "remindersOnForm", "true", "reminders[0].kind", "at",
				"reminders[0].date", "2035-03-09", "reminders[0].time", "18:00", "reminders[1].kind", "before",
				"reminders[1].amount", "30", "reminders[1].unit", "minutes"))
			.hasRedirectedUrl("/tasks");

		await().untilAsserted(() -> assertThat(Browser.body(ann.htmxGet("/tasks/" + id + "/history")))
			.contains("recurrence: none → Every 2 weeks on Mon and Wed, 8 times")
			.contains("reminders: none → at Fri 9 Mar 2035, 18:00, 30 minutes before")
			.doesNotContain("FREQ=")
			.doesNotContain("PT30M")
			.doesNotContain("2035-03-09T"));
	}

	@Test
	void aDeletedTasksHistoryLeadsBackToTheListNotToTheGoneTask() {
		Browser ann = Browser.signedUp(mvc);
		long id = ann.addTask("Short-lived");
		assertThat(ann.post("/tasks/" + id + "/delete")).hasStatus3xxRedirection();

		await().untilAsserted(() -> assertThat(ann.page("/tasks/" + id + "/history")).contains("Deleted")
			.contains("Back to your tasks")
			.doesNotContain("/tasks/" + id + "/edit"));
	}

	@Test
	void anotherUsersHistoryIsNotFound() {
		Browser ann = Browser.signedUp(mvc);
		Browser bob = Browser.signedUp(mvc);
		long id = ann.addTask("Private");
		// the error page, as for any missing page: a person following a stale link is not shown JSON
		assertThat(bob.get("/tasks/" + id + "/history")).hasStatus(404)
			.satisfies(result -> assertThat(result.getResponse().getContentType()).isNull())
			.satisfies(result -> assertThat(result.getResponse().getContentAsString()).isEmpty());
	}
}
