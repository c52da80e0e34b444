package dev.taskflow.tasks.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two tabs edit one task: the tab that saves second sees what changed elsewhere, field by field, and
 * chooses; nothing the first tab did is reverted without the person choosing so.
 */
@TaskFlowTest
class StaleEditPagesTests {

	private static final Pattern BASE = Pattern.compile("name=\"base\" value=\"([A-Za-z0-9_-]*)\"");

	@Autowired
	MockMvcTester mvc;

	@Test
	void aFieldChangedOnlyElsewhereIsOfferedAsTheirsAndSavingKeepsBothChanges() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Plan the party");
		String firstTab = base(browser.page("/tasks/" + id + "/edit"));
		String secondTab = base(browser.htmxGet("/tasks/" + id + "/edit"));
		save(browser, id, firstTab, "1", "title", "Plan the birthday party");

		MvcTestResult stale = browser.htmxPost("/tasks/" + id, "title", "Plan the party", "priority", "high",
				"version", "1", "base", secondTab);

		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		String form = body(stale);
		assertThat(form).contains("This task was changed somewhere else")
			.contains("data-field=\"title\"")
			.doesNotContain("data-field=\"priority\"")
			.containsPattern("name=\"resolve.title\" value=\"theirs\"\\s+checked")
			.contains("Plan the birthday party")
			.contains("(you did not change this)")
			.contains("name=\"version\" value=\"2\"");

		MvcTestResult saved = browser.htmxPost("/tasks/" + id, "title", "Plan the party", "priority", "high",
				"version", "2", "base", base(form), "resolve.title", "theirs");

		assertThat(saved).hasStatusOk();
		assertThat(body(saved)).contains("Plan the birthday party").contains("p-high");
	}

	@Test
	void aFieldChangedInBothTabsIsTheirChoiceEitherWay() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Call Sam");
		String base = base(browser.page("/tasks/" + id + "/edit"));
		save(browser, id, base, "1", "title", "Call Sam today");

		MvcTestResult stale = save(browser, id, base, "1", "title", "Call Sam and Kim");

		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(stale)).containsPattern("name=\"resolve.title\" value=\"mine\"\\s+checked")
			.contains("Call Sam today")
			.contains("value=\"Call Sam and Kim\"")
			.doesNotContain("(you did not change this)");
		assertThat(browser.page("/tasks")).contains("Call Sam today");

		assertThat(save(browser, id, base(body(stale)), "2", "title", "Call Sam and Kim", "resolve.title", "theirs"))
			.hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Call Sam today").doesNotContain("Call Sam and Kim");

		String again = base(browser.page("/tasks/" + id + "/edit"));
		save(browser, id, again, "2", "title", "Call Sam at noon");
		MvcTestResult clash = save(browser, id, again, "2", "title", "Call Sam and Kim");
		assertThat(save(browser, id, base(body(clash)), "3", "title", "Call Sam and Kim", "resolve.title", "mine"))
			.hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Call Sam and Kim");
	}

	@Test
	void aStaleFormThatUndoesNothingDoneElsewhereIsSimplySaved() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Return the books");
		String base = base(browser.page("/tasks/" + id + "/edit"));
		assertThat(browser.post("/tasks/" + id + "/complete")).hasStatus3xxRedirection();

		MvcTestResult saved = save(browser, id, base, "1", "title", "Return the library books");

		assertThat(saved).hasRedirectedUrl("/tasks");
		String completed = browser.page("/tasks?status=completed");
		assertThat(completed).contains("Return the library books");
	}

	private static MvcTestResult save(Browser browser, long id, String base, String version, String... fields) {
		String[] all = new String[fields.length + 4];
		System.arraycopy(fields, 0, all, 0, fields.length);
		all[fields.length] = "version";
		all[fields.length + 1] = version;
		all[fields.length + 2] = "base";
		all[fields.length + 3] = base;
		return browser.post("/tasks/" + id, all);
	}

	private static String base(MvcTestResult result) {
		return base(body(result));
	}

	private static String base(String page) {
		Matcher base = BASE.matcher(page);
		assertThat(base.find()).as("the form's base").isTrue();
		return base.group(1);
	}
}
