package dev.taskflow.tasks.web;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;

@TaskFlowTest
class TaskPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aNewUserAddsCompletesReopensEditsAndDeletesATask() {
		Browser browser = Browser.signedUp(mvc);
		assertThat(browser.get("/")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Nothing here yet").contains(browser.email());

		assertThat(browser.post("/tasks", "title", "Buy milk")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Buy milk").contains("Added “\u2068Buy milk\u2069”.");
		long id = browser.addTask("Buy bread");

		assertThat(browser.post("/tasks/" + id + "/complete")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).doesNotContain("id=\"task-" + id + "\"")
			.contains("Completed “\u2068Buy bread\u2069”.")
			.contains("action=\"/tasks/" + id + "/reopen\"");
		assertThat(browser.page("/tasks?status=completed")).contains("Buy bread").doesNotContain("Buy milk");

		assertThat(browser.post("/tasks/" + id + "/reopen")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Buy bread");

		assertThat(browser.page("/tasks/" + id + "/edit")).contains("value=\"Buy bread\"");
		assertThat(browser.post("/tasks/" + id, "title", "Buy rye bread", "description", "from the bakery", "dueDate",
				"2030-01-15", "dueTime", "09:30", "priority", "high", "tags", "errands, #Home"))
			.hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Buy rye bread")
			.contains("from the bakery")
			.contains("Tue 15 Jan 2030, 09:30")
			.contains("high priority")
			.contains("#errands")
			.contains("#home");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("value=\"2030-01-15\"")
			.contains("value=\"09:30\"")
			.contains("value=\"errands, home\"");

		assertThat(browser.post("/tasks/" + id + "/delete")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks?status=all")).doesNotContain("id=\"task-" + id + "\"")
			.contains("Deleted “\u2068Buy rye bread\u2069”.")
			.contains("Buy milk");
	}

	@Test
	void quickAddWithoutATitleExplainsWhatIsMissing() {
		Browser browser = Browser.signedUp(mvc);
		browser.addTask("Already there");

		MvcTestResult result = browser.post("/tasks", "title", "   ");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(result)).contains("Title is required.").contains("Already there");
	}

	@Test
	void editingWithMistakesShowsEachMessageAndKeepsWhatWasTyped() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Water the plants");

		MvcTestResult result = browser.post("/tasks/" + id, "title", "", "description", "the ferns too", "dueTime",
				"08:00", "priority", "none", "tags", "garden, not ok!");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(result)).contains("Title is required.")
			.contains("Due needs a date when a time is given.")
			.contains("“not ok!” may contain only letters")
			.contains("the ferns too</textarea>")
			.contains("value=\"garden, not ok!\"")
			.doesNotContain("Exception");
		assertThat(browser.page("/tasks")).contains("Water the plants");
	}

	@Test
	void aRowSaysHowItsTaskRepeatsAndWhenItsNextReminderFires() {
		Browser browser = Browser.signedUp(mvc);
		browser.post("/tasks", "title", "Water the plants every 2 weeks on Mon and Wed");
		browser.post("/tasks", "title", "Pay the rent tomorrow 9am remind me 30 minutes before");
		browser.post("/tasks", "title", "Read a book");

		String page = browser.page("/tasks");
		assertThat(page).contains("title=\"Every 2 weeks on Mon and Wed\"", "Repeats: Every 2 weeks on Mon and Wed")
			.contains("Reminder: Tomorrow");
		assertThat(page.split("Repeats: ")).hasSize(2);
		assertThat(page.split("Reminder: ")).hasSize(2);
	}

	@Test
	void overdueTasksAreMarked() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("File the tax return");

		browser.post("/tasks/" + id, "title", "File the tax return", "dueDate", "2020-04-30");

		assertThat(browser.page("/tasks")).contains("Overdue · Thu 30 Apr 2020").contains("due overdue");
	}

	@Test
	void theListFiltersBySearchAndTagAndSortsLikeTheApi() {
		Browser browser = Browser.signedUp(mvc);
		long alpha = browser.addTask("Alpha report");
		long beta = browser.addTask("Beta review");
		browser.post("/tasks/" + alpha, "title", "Alpha report", "tags", "work");
		browser.post("/tasks/" + beta, "title", "Beta review", "tags", "home");

		assertThat(browser.page("/tasks?q=alpha")).contains("Alpha report").doesNotContain("Beta review");
		assertThat(browser.page("/tasks?tag=home")).contains("Beta review").doesNotContain("Alpha report");
		assertThat(browser.page("/tasks?q=nothing-like-this")).contains("No tasks match.");
		String byTitle = browser.page("/tasks?sort=title");
		assertThat(byTitle.indexOf("Alpha report")).isLessThan(byTitle.indexOf("Beta review"));
		String byTitleDescending = browser.page("/tasks?sort=-title");
		assertThat(byTitleDescending.indexOf("Beta review")).isLessThan(byTitleDescending.indexOf("Alpha report"));

		MvcTestResult badSort = browser.get("/tasks?sort=colour");
		assertThat(badSort).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(badSort)).contains("Sort &#39;colour&#39; is not a sort key");
	}

	@Test
	void actionsReturnToTheListTheyCameFrom() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Call mum");

		assertThat(browser.post("/tasks/" + id + "/complete", "back", "status=all&q=call+mum"))
			.hasRedirectedUrl("/tasks?status=all&q=call+mum");
		assertThat(browser.post("/tasks/" + id + "/reopen", "back", "https://evil.example/"))
			.hasRedirectedUrl("/tasks");
	}

	@Test
	void anHtmxQuickAddAnswersWithTheListAndItsNoticeLeavingNoNoticeForTheNextRequest() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult added = browser.htmxPost("/tasks", "title", "Water the ferns", "back", "");

		assertThat(added).hasStatusOk();
		assertThat(body(added)).contains("Added “\u2068Water the ferns\u2069”.").containsPattern("id=\"task-\\d+\"");
		// a live refresh of the list fetching the page next must not find (and take) the notice
		assertThat(browser.page("/tasks")).contains("Water the ferns").doesNotContain("Added “\u2068Water the ferns\u2069”.");
	}

	@Test
	void htmxRequestsGetTheChangedRowInsteadOfARedirect() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Book flights");

		MvcTestResult completed = browser.htmxPost("/tasks/" + id + "/complete");
		assertThat(completed).hasStatusOk();
		assertThat(body(completed)).startsWith("<li").contains("task completed").doesNotContain("<html");

		MvcTestResult editor = browser.htmxGet("/tasks/" + id + "/edit");
		assertThat(editor).hasStatusOk();
		assertThat(body(editor)).startsWith("<li").contains("task editing").contains("hx-post=\"/tasks/" + id + "\"");

		MvcTestResult rejected = browser.htmxPost("/tasks/" + id, "title", "");
		assertThat(rejected).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(rejected)).startsWith("<li").contains("Title is required.");

		MvcTestResult saved = browser.htmxPost("/tasks/" + id, "title", "Book trains");
		assertThat(body(saved)).startsWith("<li").contains("Book trains");

		MvcTestResult deleted = browser.htmxPost("/tasks/" + id + "/delete");
		assertThat(body(deleted)).contains("Deleted “<bdi>Book trains</bdi>”.");
		assertThat(browser.page("/tasks?status=all")).doesNotContain("Book trains");
	}

	@Test
	void aTaskChangedElsewhereAfterTheFormWasOpenedIsNotOverwrittenSilently() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Plan the party");
		browser.post("/tasks/" + id, "title", "Plan the birthday party", "version", "1");

		MvcTestResult stale = browser.post("/tasks/" + id, "title", "Plan the garden party", "version", "1");

		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(stale)).contains("changed somewhere else")
			.contains("value=\"Plan the garden party\"")
			.contains("name=\"version\" value=\"2\"");
		assertThat(browser.page("/tasks")).contains("Plan the birthday party");
		assertThat(browser.post("/tasks/" + id, "title", "Plan the garden party", "version", "2"))
			.hasRedirectedUrl("/tasks");
	}

	@Test
	void oneUsersTasksAreNeitherShownToNorChangeableByAnother() {
		Browser alice = Browser.signedUp(mvc);
		Browser bob = Browser.signedUp(mvc);
		long id = alice.addTask("Alice's secret plan");

		assertThat(bob.page("/tasks?status=all")).doesNotContain("Alice&#39;s secret plan");
		assertThat(bob.get("/tasks/" + id + "/edit")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bob.post("/tasks/" + id + "/complete")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bob.post("/tasks/" + id + "/reopen")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bob.post("/tasks/" + id, "title", "Bob was here")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bob.post("/tasks/" + id + "/delete")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bob.htmxPost("/tasks/" + id + "/delete")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bob.get("/tasks/not-a-number/edit")).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(alice.page("/tasks")).contains("Alice&#39;s secret plan");
	}
}
