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
class RepeatEditorPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theServerBuildsTheRuleFromTheCustomFieldsAndShowsItAsASentence() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Water the plants");

		assertThat(browser.post("/tasks/" + id, "title", "Water the plants", "dueDate", "2030-01-14", "repeat",
				"custom", "repeatEvery", "2", "repeatUnit", "weeks", "repeatDays", "MO", "repeatDays", "WE",
				"repeatCount", "8", "repeatFrom", "due"))
			.hasRedirectedUrl("/tasks");

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(edit).contains("Every 2 weeks on Mon and Wed, 8 times")
			.contains("<option value=\"custom\" selected=\"selected\">")
			.contains("name=\"repeatEvery\"")
			.contains("value=\"2\"")
			.contains("value=\"8\"")
			.containsPattern("value=\"MO\" checked")
			.containsPattern("value=\"WE\" checked")
			.doesNotContainPattern("value=\"TU\" checked")
			.contains("Next: <span class=\"next-dates\">Wed 16 Jan 2030, Mon 28 Jan 2030, Wed 30 Jan 2030</span>");
	}

	@Test
	void thePreviewDescribesTheFieldsAsTheyChangeBeforeAnythingIsSaved() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult preview = browser.htmxPost("/tasks/repeat-preview", "taskId", "7", "dueDate", "2030-01-14",
				"repeat", "custom", "repeatEvery", "2", "repeatUnit", "weeks", "repeatDays", "MO", "repeatDays", "WE",
				"repeatCount", "2");
		assertThat(preview).hasStatusOk();
		assertThat(body(preview)).contains("id=\"repeat-7-preview\"")
			.contains("Every 2 weeks on Mon and Wed, 2 times")
			.contains("Wed 16 Jan 2030<")
			.doesNotContain("Mon 28 Jan 2030");

		MvcTestResult bad = browser.htmxPost("/tasks/repeat-preview", "repeat", "custom", "repeatEvery", "1",
				"repeatUnit", "months", "repeatDays", "MO");
		assertThat(bad).hasStatusOk();
		assertThat(body(bad)).contains("weekdays can only be chosen for a rule that repeats every N weeks")
			.doesNotContain("Next:");
	}

	@Test
	void aPresetCountedFromCompletionIsKeptAndDescribed() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Clean the filter");

		assertThat(browser.post("/tasks/" + id, "title", "Clean the filter", "repeat", "weekdays", "repeatFrom",
				"completion"))
			.hasRedirectedUrl("/tasks");

		assertThat(browser.page("/tasks/" + id + "/edit")).contains("Every weekday, counted from completion")
			.contains("<option value=\"weekdays\" selected=\"selected\">")
			.contains("<option value=\"completion\" selected=\"selected\">");
	}

	@Test
	void aFormWithoutRepeatFieldsKeepsTheRuleAndNoneRemovesIt() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Pay rent");
		browser.post("/tasks/" + id, "title", "Pay rent", "repeat", "monthly");

		assertThat(browser.post("/tasks/" + id, "title", "Pay the rent")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("Every month");

		assertThat(browser.post("/tasks/" + id, "title", "Pay the rent", "repeat", "none")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks/" + id + "/edit")).doesNotContain("Every month")
			.contains("<option value=\"none\" selected=\"selected\">");
	}

	@Test
	void aRuleTheFieldsCannotShowIsOfferedAsKeptAndSurvivesASave() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Team lunch");
		assertThat(browser.post("/tasks/" + id, "title", "Team lunch", "repeat", "FREQ=MONTHLY;BYDAY=-1FR"))
			.hasRedirectedUrl("/tasks");

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(edit).contains("<option value=\"FREQ=MONTHLY;BYDAY=-1FR\" selected>Keep: Every month on the last Fri<");

		assertThat(browser.post("/tasks/" + id, "title", "Team lunch out", "repeat", "FREQ=MONTHLY;BYDAY=-1FR"))
			.hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("value=\"FREQ=MONTHLY;BYDAY=-1FR\" selected");
	}

	@Test
	void badCombinationsExplainThemselvesAndKeepWhatWasTyped() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Stretch");

		MvcTestResult weekdaysOnDays = browser.post("/tasks/" + id, "title", "Stretch more", "repeat", "custom",
				"repeatEvery", "3", "repeatUnit", "days", "repeatDays", "FR", "repeatCount", "5");
		assertThat(weekdaysOnDays).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(weekdaysOnDays)).contains("weekdays can only be chosen for a rule that repeats every N weeks")
			.contains("value=\"Stretch more\"")
			.contains("value=\"3\"")
			.contains("value=\"5\"")
			.containsPattern("value=\"FR\" checked");

		MvcTestResult zeroInterval = browser.post("/tasks/" + id, "title", "Stretch", "repeat", "custom",
				"repeatEvery", "0", "repeatUnit", "weeks");
		assertThat(zeroInterval).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(zeroInterval)).contains("must be a whole number from 1 to 1000");

		MvcTestResult tooMany = browser.post("/tasks/" + id, "title", "Stretch", "repeat", "custom", "repeatEvery",
				"1", "repeatUnit", "weeks", "repeatCount", "twelve");
		assertThat(tooMany).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(tooMany)).contains("must be a whole number from 1 to 10000").contains("value=\"twelve\"");

		assertThat(browser.page("/tasks/" + id + "/edit")).contains("value=\"Stretch\"")
			.contains("<option value=\"none\" selected=\"selected\">");
	}

	@Test
	void aRuleCanEndOnADateButNotAlsoAfterANumberOfTimes() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Swim");

		MvcTestResult both = browser.post("/tasks/" + id, "title", "Swim", "dueDate", "2030-01-14", "repeat", "custom",
				"repeatEvery", "1", "repeatUnit", "weeks", "repeatCount", "3", "repeatUntil", "2030-02-01");
		assertThat(both).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(both)).contains("can end after a number of times or on a date, not both")
			.contains("value=\"2030-02-01\"");

		assertThat(browser.post("/tasks/" + id, "title", "Swim", "dueDate", "2030-01-14", "repeat", "custom",
				"repeatEvery", "1", "repeatUnit", "weeks", "repeatUntil", "2030-01-28"))
			.hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("value=\"2030-01-28\"")
			.contains("<option value=\"custom\" selected=\"selected\">")
			.contains("Next: <span class=\"next-dates\">Mon 21 Jan 2030, Mon 28 Jan 2030</span>");
	}

	@Test
	void anotherUsersTaskCannotBeGivenARule() {
		Browser alice = Browser.signedUp(mvc);
		long id = alice.addTask("Alice's plants");
		Browser bob = Browser.signedUp(mvc);

		assertThat(bob.post("/tasks/" + id, "title", "Alice's plants", "repeat", "daily"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(bob.get("/tasks/" + id + "/edit")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(alice.page("/tasks/" + id + "/edit")).contains("<option value=\"none\" selected=\"selected\">");
	}
}
