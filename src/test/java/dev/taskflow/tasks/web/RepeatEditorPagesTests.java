package dev.taskflow.tasks.web;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
		assertThat(browser.post("/tasks/" + id, "title", "Team lunch", "repeat", "FREQ=MONTHLY;BYMONTHDAY=-1"))
			.hasRedirectedUrl("/tasks");

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(edit).contains("<option value=\"FREQ=MONTHLY;BYMONTHDAY=-1\" selected>Keep: Every month on the last day<");

		assertThat(browser.post("/tasks/" + id, "title", "Team lunch out", "repeat", "FREQ=MONTHLY;BYMONTHDAY=-1"))
			.hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("value=\"FREQ=MONTHLY;BYMONTHDAY=-1\" selected");
	}

	@Test
	void anEndDateBeforeTheDueDateIsRefusedUnderTheRepeatFieldsWithWhatWasTyped() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Water the garden");

		MvcTestResult endsBefore = browser.post("/tasks/" + id, "title", "Water the garden", "dueDate", "2026-12-08",
				"repeat", "custom", "repeatEvery", "1", "repeatUnit", "days", "repeatUntil", "2026-01-01");

		assertThat(endsBefore).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(endsBefore)).contains("The repeat ends on 2026-01-01 (UNTIL), before the task is due on 2026-12-08.")
			.contains("value=\"2026-01-01\"")
			.contains("value=\"2026-12-08\"");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("<option value=\"none\" selected=\"selected\">");

		assertThat(browser.post("/tasks/" + id, "title", "Water the garden", "dueDate", "2026-12-08", "repeat", "custom",
				"repeatEvery", "1", "repeatUnit", "days", "repeatUntil", "2026-12-31"))
			.hasRedirectedUrl("/tasks");
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
	void aMonthlyRuleOnTheLastFridayIsBuiltDescribedAndComesBackIntoTheFields() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Pay the team");

		assertThat(browser.post("/tasks/" + id, "title", "Pay the team", "dueDate", "2030-01-25", "repeat", "custom",
				"repeatEvery", "1", "repeatUnit", "months", "repeatMonthly", "weekday", "repeatWeek", "-1",
				"repeatWeekday", "FR"))
			.hasRedirectedUrl("/tasks");

		assertThat(recurrence(browser, id)).isEqualTo("FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR");
		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(edit).contains("Every month on the last Fri")
			.contains("<option value=\"custom\" selected=\"selected\">")
			.containsPattern("name=\"repeatMonthly\" value=\"weekday\"[^>]*checked")
			.doesNotContainPattern("name=\"repeatMonthly\" value=\"day\"[^>]*checked")
			.contains("<option value=\"-1\" selected=\"selected\">last</option>")
			.contains("<option value=\"FR\" selected=\"selected\">Fri</option>")
			.contains("Next: <span class=\"next-dates\">Fri 22 Feb 2030, Fri 29 Mar 2030, Fri 26 Apr 2030</span>");

		assertThat(browser.post("/tasks/" + id, "title", "Pay the team", "dueDate", "2030-01-25", "repeat", "custom",
				"repeatEvery", "1", "repeatUnit", "months", "repeatMonthly", "weekday", "repeatWeek", "-1",
				"repeatWeekday", "FR", "repeatCount", "6"))
			.hasRedirectedUrl("/tasks");
		assertThat(recurrence(browser, id)).isEqualTo("FREQ=MONTHLY;INTERVAL=1;BYDAY=-1FR;COUNT=6");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("Every month on the last Fri, 6 times");
	}

	@Test
	void theSecondTuesdayAndADayOfTheMonthArePreviewedAndSaved() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult secondTuesday = browser.htmxPost("/tasks/repeat-preview", "taskId", "3", "dueDate", "2030-01-08",
				"repeat", "custom", "repeatEvery", "1", "repeatUnit", "months", "repeatMonthly", "weekday", "repeatWeek",
				"2", "repeatWeekday", "TU");
		assertThat(body(secondTuesday)).contains("Every month on the 2nd Tue")
			.contains("Tue 12 Feb 2030, Tue 12 Mar 2030, Tue 9 Apr 2030");

		long id = browser.addTask("Water the orchids");
		assertThat(browser.post("/tasks/" + id, "title", "Water the orchids", "dueDate", "2030-01-15", "repeat",
				"custom", "repeatEvery", "2", "repeatUnit", "months", "repeatMonthly", "day", "repeatMonthDay", "15",
				"repeatWeek", "1", "repeatWeekday", "MO"))
			.hasRedirectedUrl("/tasks");
		assertThat(recurrence(browser, id)).isEqualTo("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=15");
		assertThat(browser.page("/tasks/" + id + "/edit")).contains("Every 2 months on the 15th")
			.containsPattern("name=\"repeatMonthly\" value=\"day\"[^>]*checked")
			.containsPattern("name=\"repeatMonthDay\"[^>]*value=\"15\"")
			.contains("Fri 15 Mar 2030, Wed 15 May 2030, Mon 15 Jul 2030");
	}

	@Test
	void aDayOfTheMonthOrWeekThatIsNotOneIsRefusedAsTyped() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Check the smoke alarm");

		MvcTestResult badDay = browser.post("/tasks/" + id, "title", "Check the smoke alarm", "repeat", "custom",
				"repeatEvery", "1", "repeatUnit", "months", "repeatMonthly", "day", "repeatMonthDay", "32");
		assertThat(badDay).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(badDay)).contains("&#39;day of the month&#39; must be a whole number from 1 to 31")
			.containsPattern("name=\"repeatMonthDay\"[^>]*value=\"32\"");

		MvcTestResult badWeek = browser.post("/tasks/" + id, "title", "Check the smoke alarm", "repeat", "custom",
				"repeatEvery", "1", "repeatUnit", "months", "repeatMonthly", "weekday", "repeatWeek", "5",
				"repeatWeekday", "SA");
		assertThat(badWeek).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(badWeek)).contains("choose the first, second, third, fourth or last of a weekday");

		assertThat(recurrence(browser, id)).isNull();
	}

	@Test
	void thePreviewButtonShowsTheRuleWithoutJavaScriptAndSavesNothing() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Book club");

		MvcTestResult preview = browser.post("/tasks/" + id, "title", "Book club night", "dueDate", "2030-01-25",
				"repeat", "custom", "repeatEvery", "1", "repeatUnit", "months", "repeatMonthly", "weekday", "repeatWeek",
				"-1", "repeatWeekday", "FR", "formStep", "preview");

		assertThat(preview).hasStatusOk();
		assertThat(body(preview)).contains("Every month on the last Fri")
			.contains("Next: <span class=\"next-dates\">Fri 22 Feb 2030, Fri 29 Mar 2030, Fri 26 Apr 2030</span>")
			.contains("value=\"Book club night\"")
			.containsPattern("value=\"preview\"[^>]*autofocus");
		assertThat(recurrence(browser, id)).isNull();
		assertThat(browser.page("/tasks")).contains("Book club").doesNotContain("Book club night");

		MvcTestResult problem = browser.post("/tasks/" + id, "title", "Book club", "repeat", "custom", "repeatEvery",
				"0", "repeatUnit", "months", "formStep", "preview");
		assertThat(problem).hasStatusOk();
		assertThat(body(problem)).contains("must be a whole number from 1 to 1000").doesNotContain("Next:");
	}

	private static String recurrence(Browser browser, long id) {
		MvcTestResult task = browser.get("/api/tasks/" + id);
		assertThat(task).hasStatusOk();
		JsonNode rule = JsonMapper.builder().build().readTree(body(task)).get("recurrence");
		return rule == null || rule.isNull() ? null : rule.asString();
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
