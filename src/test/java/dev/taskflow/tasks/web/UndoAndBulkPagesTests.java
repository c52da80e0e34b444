package dev.taskflow.tasks.web;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Undo after delete and the bulk bar, the way the pages send them (with and without htmx). */
@TaskFlowTest
class UndoAndBulkPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/**
	 * A title holding a right-to-left override (U+202E) is isolated where it sits in a sentence: in
	 * {@code <bdi>} in the toast and the deleted row's note, between FSI and PDI in a notice built as text,
	 * so it cannot reverse the words after it.
	 */
	@Test
	void aTitleInAToastOrNoticeIsIsolatedFromTheSentence() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("\u202eevil", "\u202eevil");

		assertThat(body(browser.htmxPost("/tasks/" + id + "/delete")))
			.contains("<p class=\"deleted-note\">Deleted “<bdi>\u202eevil</bdi>”.</p>")
			.contains("<span>Deleted “<bdi>\u202eevil</bdi>”.</span>");
		browser.post("/tasks/" + id + "/restore");
		assertThat(browser.page("/tasks")).contains("Restored “\u2068\u202eevil\u2069”.");
	}

	@Test
	void aDeletedRowOffersUndoWhichBringsTheRowBack() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Feed the cat");

		MvcTestResult deleted = browser.htmxPost("/tasks/" + id + "/delete");
		assertThat(body(deleted)).contains("Deleted “<bdi>Feed the cat</bdi>”.")
			.contains("hx-post=\"/tasks/" + id + "/restore\"")
			.doesNotContain("id=\"task-" + id + "\"");
		assertThat(browser.page("/tasks")).doesNotContain("Feed the cat");

		MvcTestResult restored = browser.htmxPost("/tasks/" + id + "/restore");
		assertThat(body(restored)).startsWith("<li").contains("id=\"task-" + id + "\"").contains("Feed the cat");
		assertThat(browser.page("/tasks")).contains("Feed the cat");
	}

	@Test
	void withoutJavaScriptTheDeletedNoticeCarriesAnUndoForm() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Return library books");

		assertThat(browser.post("/tasks/" + id + "/delete")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Deleted “\u2068Return library books\u2069”.")
			.contains("action=\"/tasks/" + id + "/restore\"");
		assertThat(browser.post("/tasks/" + id + "/restore")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Restored “\u2068Return library books\u2069”.")
			.contains("id=\"task-" + id + "\"");
	}

	@Test
	void aCompletedRowOffersUndoInAToast() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Post the letter");

		MvcTestResult completed = browser.htmxPost("/tasks/" + id + "/complete");

		assertThat(body(completed)).startsWith("<li").contains("id=\"task-" + id + "\"")
			.contains("hx-swap-oob=\"beforeend:#toasts\"")
			.contains("Completed “<bdi>Post the letter</bdi>”.</span>")
			.contains("hx-post=\"/tasks/" + id + "/reopen\"");
		assertThat(body(browser.htmxPostInto("task-results", "/tasks/" + id + "/reopen"))).isEmpty();
		assertThat(browser.page("/tasks")).contains("id=\"task-" + id + "\"");
	}

	@Test
	void completingARecurringTaskSaysWhenItIsNextDueAndUndoTakesTheNextInstanceBack() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Water the plants Dec 24, 2030 every week", "Water the plants");

		MvcTestResult completed = browser.htmxPost("/tasks/" + id + "/complete");

		assertThat(body(completed)).contains("Completed “<bdi>Water the plants</bdi>”. Next: Tue 31 Dec 2030.</span>");
		await().until(() -> nextInstances(id) == 1);
		assertThat(browser.htmxPostInto("task-results", "/tasks/" + id + "/reopen")).hasRedirectedUrl("/tasks");
		assertThat(nextInstances(id)).isZero();
		assertThat(Pattern.compile("id=\"task-\\d+\"").matcher(browser.page("/tasks")).results().map(MatchResult::group))
			.containsExactly("id=\"task-" + id + "\"");
	}

	@Test
	void withoutJavaScriptTheCompletedNoticeSaysWhenARecurringTaskIsNextDue() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Pay the rent Dec 1, 2030 every month", "Pay the rent");

		assertThat(browser.post("/tasks/" + id + "/complete")).hasRedirectedUrl("/tasks");

		assertThat(browser.page("/tasks")).contains("Completed “\u2068Pay the rent\u2069”. Next: Wed 1 Jan 2031.")
			.contains("action=\"/tasks/" + id + "/reopen\"");
	}

	private int nextInstances(long taskId) {
		return jdbc.sql("select count(*) from tasks where previous_task_id = :id").param("id", taskId)
			.query(Integer.class).single();
	}

	@Test
	void theRowsHaveNoConfirmDialog() {
		Browser browser = Browser.signedUp(mvc);
		browser.addTask("Anything");
		assertThat(browser.page("/tasks")).doesNotContain("hx-confirm").doesNotContain("data-confirm");
	}

	@Test
	void bulkCompleteCompletesTheSelectedTasksAndItsUndoReopensThem() {
		Browser browser = Browser.signedUp(mvc);
		long a = browser.addTask("Bulk A");
		long b = browser.addTask("Bulk B");
		long c = browser.addTask("Bulk C");

		assertThat(browser.post("/tasks/bulk", "action", "complete", "ids", String.valueOf(a), "ids",
				String.valueOf(b))).hasRedirectedUrl("/tasks");
		String page = browser.page("/tasks");
		assertThat(page).contains("Completed 2 tasks.")
			.contains("action=\"/tasks/bulk?action=reopen\"")
			.doesNotContain("id=\"task-" + a + "\"")
			.doesNotContain("id=\"task-" + b + "\"")
			.contains("id=\"task-" + c + "\"");

		assertThat(browser.post("/tasks/bulk?action=reopen", "ids", String.valueOf(a), "ids", String.valueOf(b)))
			.hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("id=\"task-" + a + "\"").contains("id=\"task-" + b + "\"");
	}

	@Test
	void bulkTagPriorityAndRescheduleChangeEachTaskAndUndoPutsThemBack() {
		Browser browser = Browser.signedUp(mvc);
		long a = browser.addTask("Plan A");
		long b = browser.addTask("Plan B");
		String[] both = { "ids", String.valueOf(a), "ids", String.valueOf(b) };

		browser.post("/tasks/bulk", concat(both, "action", "tag", "tag", "#Garden"));
		assertThat(browser.page("/tasks")).contains("Tagged 2 tasks.");
		browser.post("/tasks/bulk", concat(both, "action", "priority", "priority", "high"));
		assertThat(browser.page("/tasks")).contains("Re-prioritised 2 tasks.")
			.contains("name=\"previous\" value=\"" + a + "|priority|none\"");
		browser.post("/tasks/bulk", concat(both, "action", "reschedule", "due", "2030-05-04"));
		String page = browser.page("/tasks?tag=garden");
		assertThat(page).contains("Plan A").contains("Plan B").contains("high priority").contains("4 May 2030");
		assertThat(page).contains("name=\"previous\" value=\"" + a + "|due|\"");

		browser.post("/tasks/bulk?action=revert",
				concat(both, "previous", a + "|due|", "previous", b + "|due|"));
		assertThat(browser.page("/tasks?tag=garden")).doesNotContain("4 May 2030");
		browser.post("/tasks/bulk?action=untag&tag=garden", both);
		browser.page("/tasks");
		assertThat(browser.page("/tasks?tag=garden")).doesNotContain("Plan A");
	}

	/** Each task is its own change: one that cannot take the tag is named in the notice, not an error page. */
	@Test
	void aTaskThatCannotTakeTheTagIsLeftAsItWasAndTheOthersAreTagged() {
		Browser browser = Browser.signedUp(mvc);
		long before = browser.addTask("Plain before");
		StringBuilder twentyTags = new StringBuilder("Crowded");
		for (int i = 0; i < 20; i++) {
			twentyTags.append(" #t").append(i);
		}
		long crowded = browser.addTask(twentyTags.toString(), "Crowded");
		long after = browser.addTask("Plain after");

		browser.post("/tasks/bulk", "action", "tag", "tag", "zz1", "ids", String.valueOf(before), "ids",
				String.valueOf(crowded), "ids", String.valueOf(after));

		assertThat(browser.page("/tasks")).contains("Tagged 2 tasks. 1 was left as it was: must have at most 20 tags.");
		assertThat(browser.page("/tasks?tag=zz1")).contains("Plain before").contains("Plain after").doesNotContain("Crowded");
	}

	@Test
	void aBulkTagWithASpaceBecomesADashedTagAsInTheEditFormAndTheApi() {
		Browser browser = Browser.signedUp(mvc);
		long a = browser.addTask("Plan A");

		browser.post("/tasks/bulk", "ids", String.valueOf(a), "action", "tag", "tag", "Two Words");

		assertThat(browser.page("/tasks")).contains("Tagged 1 task.").contains("#two-words");
	}

	@Test
	void bulkDeleteCanBeUndoneAndAnotherUsersTasksAreLeftAlone() {
		Browser ann = Browser.signedUp(mvc);
		Browser bob = Browser.signedUp(mvc);
		long annsTask = ann.addTask("Ann's errand");
		long bobsTask = bob.addTask("Bob's errand");

		ann.post("/tasks/bulk", "action", "delete", "ids", String.valueOf(annsTask), "ids", String.valueOf(bobsTask));
		assertThat(ann.page("/tasks")).contains("Deleted 1 task. 1 was no longer there.")
			.contains("action=\"/tasks/bulk?action=restore\"");
		assertThat(bob.page("/tasks")).contains("Bob&#39;s errand");

		ann.post("/tasks/bulk", "action", "restore", "ids", String.valueOf(annsTask));
		assertThat(ann.page("/tasks")).contains("Ann&#39;s errand");
	}

	@Test
	void aBulkRequestWithoutSelectionOrWithABadValueExplainsItself() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Something");

		browser.post("/tasks/bulk", "action", "complete");
		assertThat(browser.page("/tasks")).contains("Select at least one task first.");
		browser.post("/tasks/bulk", "action", "priority", "priority", "urgent", "ids", String.valueOf(id));

		assertThat(browser.page("/tasks")).contains("Choose a priority:");
		browser.post("/tasks/bulk", "action", "reschedule", "due", "someday", "ids", String.valueOf(id));
		assertThat(browser.page("/tasks")).contains("Enter the new due date");
		assertThat(browser.post("/tasks/bulk", "action", "complete", "ids", "abc")).hasStatus4xxClientError();
	}

	@Test
	void theBarSentByItsScriptIsAnsweredWithWhatWasDoneAndItsUndoAsJson() {
		Browser browser = Browser.signedUp(mvc);
		long a = browser.addTask("Script A");
		long b = browser.addTask("Script B");
		browser.post("/tasks/bulk", "action", "delete", "ids", String.valueOf(b));

		MvcTestResult done = inPlace(browser, "action", "complete", "ids", String.valueOf(a), "ids", String.valueOf(b));

		assertThat(done).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
		assertThat(done).bodyJson().extractingPath("$.message").isEqualTo("Completed 1 task. 1 was no longer there.");
		assertThat(done).bodyJson().extractingPath("$.undo.action").isEqualTo("reopen");
		assertThat(done).bodyJson().extractingPath("$.undo.ids").asArray().containsExactly(Math.toIntExact(a));
		assertThat(done).bodyJson().doesNotHavePath("$.refused");
		assertThat(browser.page("/tasks")).doesNotContain("id=\"task-" + a + "\"");

		MvcTestResult undone = inPlace(browser, "action", "reopen", "ids", String.valueOf(a));
		assertThat(undone).bodyJson().extractingPath("$.message").isEqualTo("Reopened 1 task.");
		assertThat(undone).bodyJson().extractingPath("$.undo").isNull();
		assertThat(browser.page("/tasks")).contains("id=\"task-" + a + "\"");
	}

	@Test
	void aRefusedRequestFromTheBarsScriptIsAProblemNamingTheField() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Something");

		MvcTestResult refused = inPlace(browser, "action", "tag", "tag", "has space!", "ids", String.valueOf(id));

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.detail").asString().startsWith("Enter a tag");
		assertThat(refused).bodyJson().extractingPath("$.field").isEqualTo("tag");
		assertThat(inPlace(browser, "action", "complete")).bodyJson().extractingPath("$.detail")
			.isEqualTo("Select at least one task first.");
	}

	/** The bar's form as bulk.js sends it: the same fields, asking for JSON. */
	private MvcTestResult inPlace(Browser browser, String... fields) {
		var request = mvc.post().uri("/tasks/bulk").session(browser.session()).with(csrf()).accept(MediaType.APPLICATION_JSON);
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request.exchange();
	}

	private static String[] concat(String[] first, String... more) {
		String[] all = new String[first.length + more.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(more, 0, all, first.length, more.length);
		return all;
	}
}
