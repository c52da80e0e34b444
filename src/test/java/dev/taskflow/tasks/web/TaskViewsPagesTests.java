package dev.taskflow.tasks.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskManagement;
import dev.taskflow.tasks.TaskStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The views of the task list (Today, Upcoming, Inbox, Completed, saved ones), their counts in the
 * menu, and the priority and due-range filters. Due dates sit several days apart, so the views hold the
 * same tasks even if the date changes while the test runs.
 */
@TaskFlowTest
class TaskViewsPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TaskManagement tasks;

	@Autowired
	JdbcClient jdbc;

	@Test
	void todayHoldsWhatIsOverdueUpcomingTheNextWeekByDayAndTheInboxSortsByDue() {
		Browser browser = Browser.signedUp(mvc);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		due(browser, "Renew the passport", "2020-03-01");
		due(browser, "Dentist", today.plusDays(3).toString());
		due(browser, "Conference", today.plusDays(12).toString());
		browser.addTask("Someday: learn the cello");

		String todayPage = browser.page("/tasks?view=today");
		assertThat(todayPage).contains("<h1>Today</h1>", "Renew the passport")
			.doesNotContain("Dentist", "Conference", "learn the cello");

		String upcoming = browser.page("/tasks?view=upcoming");
		assertThat(upcoming).contains("<h1>Upcoming</h1>", "Dentist")
			.doesNotContain("Renew the passport", "Conference", "learn the cello");
		assertThat(upcoming).contains("<span>Today</span>", "<span>Tomorrow</span>")
			.contains("id=\"day-" + today.plusDays(6) + "\"")
			.doesNotContain("id=\"day-" + today.plusDays(7) + "\"");

		String inbox = browser.page("/tasks");
		assertThat(inbox).contains("<h1>Inbox</h1>");
		assertThat(inbox.indexOf("Renew the passport")).isLessThan(inbox.indexOf("Dentist"));
		assertThat(inbox.indexOf("Dentist")).isLessThan(inbox.indexOf("Conference"));
		assertThat(inbox.indexOf("Conference")).isLessThan(inbox.indexOf("learn the cello"));
	}

	@Test
	void theMenuCountsEveryViewAndMarksTheOneOnScreen() {
		Browser browser = Browser.signedUp(mvc);
		due(browser, "Overdue bill", "2020-03-01");
		due(browser, "Soon", LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
		long done = browser.addTask("Done already");
		browser.addTask("Undated");
		assertThat(browser.post("/tasks/" + done + "/complete")).hasStatus3xxRedirection();
		// in the trash: counted nowhere, as it is listed nowhere
		long deletedOverdue = due(browser, "Deleted overdue", "2020-03-02");
		assertThat(browser.post("/tasks/" + deletedOverdue + "/delete")).hasStatus3xxRedirection();
		long deleted = browser.addTask("Deleted");
		assertThat(browser.post("/tasks/" + deleted + "/delete")).hasStatus3xxRedirection();
		long deletedDone = browser.addTask("Deleted when done");
		assertThat(browser.post("/tasks/" + deletedDone + "/complete")).hasStatus3xxRedirection();
		assertThat(browser.post("/tasks/" + deletedDone + "/delete")).hasStatus3xxRedirection();

		String page = browser.page("/tasks?view=upcoming");
		assertThat(menuCount(page, "Today")).isEqualTo(1);
		assertThat(menuCount(page, "Upcoming")).isEqualTo(1);
		assertThat(menuCount(page, "Inbox")).isEqualTo(3);
		assertThat(menuCount(page, "Completed")).isEqualTo(1);
		assertThat(page).containsPattern("href=\"/tasks\\?view=upcoming\" aria-current=\"page\" class=\"current\"");
		assertThat(page).doesNotContainPattern("href=\"/tasks\" aria-current");
		assertThat(browser.page("/account")).contains("aria-label=\"Views\"");
	}

	/** A mistyped or outdated link used to show the Inbox, as if it had worked. */
	@Test
	void aViewTheListDoesNotHaveIsABadRequestSayingSoWithLinksToTheViews() {
		Browser browser = Browser.signedUp(mvc);
		browser.addTask("Waiting in the inbox");

		MvcTestResult unknown = browser.get("/tasks?view=yesterday");

		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(unknown)).contains("There is no view “\u2068yesterday\u2069”.")
			.contains("href=\"/tasks?view=today\"")
			.contains("href=\"/tasks?view=upcoming\"")
			.doesNotContain("Waiting in the inbox")
			.as("no view of the menu is the one on screen")
			.doesNotContain("aria-current=\"page\"");
		assertThat(browser.get("/tasks?view=")).hasStatusOk();
	}

	@Test
	void theListFiltersByPriorityAndDueRange() {
		Browser browser = Browser.signedUp(mvc);
		long urgent = browser.addTask("Urgent thing");
		assertThat(browser.post("/tasks/" + urgent, "title", "Urgent thing", "priority", "high", "dueDate", "2030-05-02"))
			.hasStatus3xxRedirection();
		browser.page("/tasks");
		due(browser, "Later thing", "2030-08-01");

		assertThat(browser.page("/tasks?priority=high")).contains("Urgent thing").doesNotContain("Later thing");
		assertThat(browser.page("/tasks?due_from=2030-05-01&due_to=2030-05-31")).contains("Urgent thing")
			.doesNotContain("Later thing");
		assertThat(browser.page("/tasks?due_from=2030-06-01")).contains("Later thing").doesNotContain("Urgent thing");

		MvcTestResult bad = browser.get("/tasks?due_from=soon");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(body(bad)).contains("Due from &#39;soon&#39; is not a date");
	}

	@Test
	void aListIsSavedAsANamedViewKeptForItsOwnerOnly() {
		Browser ann = Browser.signedUp(mvc);
		long report = ann.addTask("Quarterly report");
		assertThat(ann.post("/tasks/" + report, "title", "Quarterly report", "tags", "work", "priority", "high"))
			.hasStatus3xxRedirection();
		ann.addTask("Groceries");

		MvcTestResult saved = ann.post("/views", "name", "Hot work", "back", "tag=work&priority=high");
		assertThat(saved).hasRedirectedUrl("/tasks?tag=work&priority=high");
		String page = ann.page("/tasks?tag=work&priority=high");
		assertThat(page).contains("Hot work").contains("Quarterly report").doesNotContain("Groceries");

		assertThat(ann.post("/views", "name", "Hot work", "back", "tag=home")).hasStatus3xxRedirection();
		assertThat(ann.page("/tasks?tag=home")).contains("You already have a view named “Hot work”.");

		Browser bob = Browser.signedUp(mvc);
		assertThat(bob.page("/tasks")).doesNotContain("Hot work");
		Matcher id = Pattern.compile("action=\"/views/(\\d+)/delete\"").matcher(page);
		assertThat(id.find()).isTrue();
		assertThat(bob.post("/views/" + id.group(1) + "/delete")).hasStatus(HttpStatus.NOT_FOUND);

		assertThat(savedCount(ann, Long.parseLong(id.group(1)))).isEqualTo("1");
		assertThat(ann.post("/views/" + id.group(1) + "/delete")).hasRedirectedUrl("/tasks");
		assertThat(ann.page("/tasks")).doesNotContain("Hot work");
	}

	@Test
	void aCountStopsAt999PlusSoABigListCostsNoMoreThanASmallOne() {
		Browser browser = Browser.signedUp(mvc);
		CurrentUser owner = accounts.find(jdbc.sql("select id from users where email = :email")
			.param("email", browser.email())
			.query(java.util.UUID.class)
			.single()).orElseThrow();
		tasks.createAll(owner, IntStream.range(0, ViewCounter.COUNTED_UP_TO + 5)
			.mapToObj(i -> new TaskDraft("Task " + i, null, TaskStatus.PENDING, null, List.of(), null, null, List.of()))
			.toList());

		String page = browser.page("/tasks?view=today");

		assertThat(page).containsPattern("<span class=\"label\">Inbox</span>\\s*<span class=\"count\"[^>]*>999\\+</span>");
		assertThat(menuCount(page, "Today")).isZero();
	}

	/**
	 * A saved view may filter by text, which reads every task of the account on H2: fifty of them counted
	 * while each page rendered made a big account wait most of a minute for every page. The page now holds
	 * the saved views without counts, and the menu loads them afterwards; a change to a task counts anew.
	 */
	@Test
	void savedViewsAreCountedAfterThePageNotWhileItRenders() {
		Browser ann = Browser.signedUp(mvc);
		ann.addTask("Call the plumber");
		assertThat(ann.post("/views", "name", "Plumbing", "back", "q=plumb")).hasStatus3xxRedirection();
		long view = savedViewId(ann.page("/tasks"), "Plumbing");

		String page = ann.page("/account");
		assertThat(page).contains("hx-get=\"/views/counts\" hx-trigger=\"load\"")
			.containsPattern("<span class=\"label\">Plumbing</span>\\s*<span class=\"count\" id=\"view-count-" + view + "\"></span>");
		assertThat(savedCount(ann, view)).isEqualTo("1");

		ann.addTask("Plumb the new sink");
		assertThat(savedCount(ann, view)).as("counted again after a change").isEqualTo("2");
	}

	/** The id of the saved view named {@code name}, from its delete button in the menu. */
	private static long savedViewId(String page, String name) {
		Matcher id = Pattern.compile("action=\"/views/(\\d+)/delete\"[^>]*>(?:(?!</form>).)*title=\"Delete the saved view "
				+ Pattern.quote(name) + "\"", Pattern.DOTALL).matcher(page);
		assertThat(id.find()).as("a saved view named %s", name).isTrue();
		return Long.parseLong(id.group(1));
	}

	/** The count of a saved view as the menu loads it after the page. */
	private static String savedCount(Browser browser, long viewId) {
		MvcTestResult counts = browser.htmxGet("/views/counts");
		assertThat(counts).hasStatusOk();
		Matcher count = Pattern.compile("<span class=\"count\" id=\"view-count-" + viewId + "\" hx-swap-oob=\"true\">([^<]*)</span>")
			.matcher(body(counts));
		assertThat(count.find()).as("a count for saved view %s in %s", viewId, body(counts)).isTrue();
		return count.group(1);
	}

	private static long due(Browser browser, String title, String date) {
		long id = browser.addTask(title);
		assertThat(browser.post("/tasks/" + id, "title", title, "dueDate", date)).hasStatus3xxRedirection();
		browser.page("/tasks"); // shows, and so uses up, the "Saved" notice
		return id;
	}

	/** The count beside a view's name in the menu. */
	private static int menuCount(String page, String label) {
		Matcher count = Pattern
			.compile("<span class=\"label\">" + Pattern.quote(label) + "</span>\\s*<span class=\"count\"[^>]*>(\\d+)</span>")
			.matcher(page);
		assertThat(count.find()).as("a count for %s", label).isTrue();
		return Integer.parseInt(count.group(1));
	}
}
