package dev.taskflow.tasks.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The edit form's reminder rows without JavaScript: what is saved, what is refused (next to its row,
 * the form as typed, nothing saved), the buttons that add and remove rows, and whose task it is. The
 * person signs up in UTC, so times typed are UTC.
 */
@TaskFlowTest
class ReminderEditorPagesTests {

	private static final Pattern BASE = Pattern.compile("name=\"base\" value=\"([A-Za-z0-9_-]*)\"");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Test
	void remindersAtATimeAndBeforeTheDueTimeAreSavedAndComeBackAsRows() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Renew the passport");

		assertThat(save(browser, id, "Renew the passport", "2035-03-10", "09:00", "at", "2035-03-09", "18:00", "",
				"minutes", "before", "", "", "30", "minutes", "before", "", "", "", "minutes"))
			.hasRedirectedUrl("/tasks");

		JsonNode reminders = reminders(browser, id);
		assertThat(reminders).hasSize(2);
		assertThat(reminders.get(0).get("at").asString()).isEqualTo("2035-03-09T18:00:00Z");
		assertThat(reminders.get(1).get("before").asString()).isEqualTo("PT30M");
		assertThat(reminders.get(1).get("remind_at").asString()).isEqualTo("2035-03-10T08:30:00Z");

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(edit).contains("name=\"reminders[0].date\" id=\"reminder-" + id + "-0-date\" value=\"2035-03-09\"")
			.contains("name=\"reminders[0].time\" id=\"reminder-" + id + "-0-time\" value=\"18:00\"")
			.containsPattern(amount(id, 1, "30"))
			.as("one empty row to type another in")
			.containsPattern(amount(id, 2, ""))
			.doesNotContain("name=\"reminders[3].kind\"");

		assertThat(browser.page("/tasks")).contains("Reminder: Fri 9 Mar 2035, 18:00");
	}

	@Test
	void aReminderFromQuickAddShowsInTheFormAndSurvivesASave() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Call mum tomorrow 9am remind me 30 min before", "Call mum");
		assertThat(reminders(browser, id)).singleElement()
			.satisfies(reminder -> assertThat(reminder.get("before").asString()).isEqualTo("PT30M"));

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(amountAndUnit(edit, id, 0)).containsExactly("30", "minutes");

		String due = Pattern.compile("name=\"dueDate\"[^>]*value=\"([^\"]+)\"").matcher(edit).results()
			.findFirst().orElseThrow().group(1);
		assertThat(save(browser, id, "Call mum", due, "09:00", "before", "", "", "30", "minutes", "before", "", "", "",
				"minutes")).hasRedirectedUrl("/tasks");
		assertThat(reminders(browser, id)).singleElement()
			.satisfies(reminder -> assertThat(reminder.get("before").asString()).isEqualTo("PT30M"));
	}

	@Test
	void aLeadTimeIsShownInTheLargestWholeUnit() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Book the venue");
		assertThat(save(browser, id, "Book the venue", "2035-03-10", "", "before", "", "", "120", "minutes", "before",
				"", "", "48", "hours")).hasRedirectedUrl("/tasks");

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(amountAndUnit(edit, id, 0)).containsExactly("2", "hours");
		assertThat(amountAndUnit(edit, id, 1)).containsExactly("2", "days");
	}

	@Test
	void removingRowsReplacesTheRemindersAndAFormWithoutThemKeepsThem() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Water the garden");
		save(browser, id, "Water the garden", "2035-05-01", "07:00", "before", "", "", "10", "minutes", "before", "",
				"", "1", "hours");
		assertThat(reminders(browser, id)).hasSize(2);

		assertThat(browser.post("/tasks/" + id, "title", "Water the whole garden")).hasRedirectedUrl("/tasks");
		assertThat(reminders(browser, id)).as("a form without reminder rows leaves them alone").hasSize(2);

		save(browser, id, "Water the garden", "2035-05-01", "07:00", "before", "", "", "1", "hours");
		assertThat(reminders(browser, id)).singleElement()
			.satisfies(reminder -> assertThat(reminder.get("before").asString()).isEqualTo("PT1H"));

		assertThat(browser.post("/tasks/" + id, "title", "Water the garden", "dueDate", "2035-05-01",
				"remindersOnForm", "true")).hasRedirectedUrl("/tasks");
		assertThat(reminders(browser, id)).isEmpty();
	}

	@Test
	void rowsRemovedInTheBrowserLeaveGapsInTheNumberingThatAreSkipped() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Feed the cat");

		assertThat(browser.post("/tasks/" + id, "title", "Feed the cat", "dueDate", "2035-05-01", "remindersOnForm",
				"true", "reminders[0].kind", "before", "reminders[0].amount", "5", "reminders[0].unit", "minutes",
				"reminders[3].kind", "before", "reminders[3].amount", "2", "reminders[3].unit", "days"))
			.hasRedirectedUrl("/tasks");

		assertThat(reminders(browser, id)).extracting(reminder -> reminder.get("before").asString())
			.containsExactly("PT5M", "P2D");
	}

	@Test
	void aLeadTimeOnATaskWithoutADueDateIsRefusedNextToItsRow() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Read the book");

		MvcTestResult refused = save(browser, id, "Read the whole book", "", "", "at", "2035-01-01", "08:00", "",
				"minutes", "before", "", "", "15", "minutes");

		assertRefused(refused, browser, id, "Read the book");
		assertThat(body(refused)).contains("id=\"reminder-" + id + "-1-error\">This reminder is counted from the due date,"
				+ " and this task has none: set one, or remind at a date and time.</p>")
			.doesNotContain("reminder-" + id + "-0-error")
			.contains("value=\"Read the whole book\"")
			.contains("value=\"2035-01-01\"")
			.contains("value=\"15\"");
	}

	@Test
	void aGarbledZeroOrNegativeAmountIsRefusedAndKeptAsTyped() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Send the invoice");

		MvcTestResult garbled = save(browser, id, "Send the invoice", "2035-02-01", "", "before", "", "", "3x", "hours");
		assertRefused(garbled, browser, id, "Send the invoice");
		assertThat(body(garbled)).contains("This reminder has &#39;3x&#39;, which is not a whole number of hours.")
			.contains("value=\"3x\"")
			.contains("<option value=\"hours\" selected=\"selected\">hours</option>");

		MvcTestResult zero = save(browser, id, "Send the invoice", "2035-02-01", "", "before", "", "", "0", "minutes");
		assertRefused(zero, browser, id, "Send the invoice");
		assertThat(body(zero)).contains("This reminder needs 1 or more minutes before the due time.");

		MvcTestResult negative = save(browser, id, "Send the invoice", "2035-02-01", "", "before", "", "", "-2", "days");
		assertRefused(negative, browser, id, "Send the invoice");
		assertThat(body(negative)).contains("This reminder needs 1 or more days before the due time.")
			.contains("value=\"-2\"");

		MvcTestResult tooFar = save(browser, id, "Send the invoice", "2035-02-01", "", "before", "", "", "367", "days");
		assertRefused(tooFar, browser, id, "Send the invoice");
		assertThat(body(tooFar)).contains("This reminder can be at most 366 days before the due time.");
	}

	@Test
	void aTimeInThePastOrHalfTypedIsRefused() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Call the bank");

		MvcTestResult past = save(browser, id, "Call the bank", "", "", "at", "2020-01-06", "08:00");
		assertRefused(past, browser, id, "Call the bank");
		assertThat(body(past)).contains("This reminder is in the past; choose a later date or time.")
			.contains("value=\"2020-01-06\"")
			.contains("value=\"08:00\"");

		MvcTestResult noTime = save(browser, id, "Call the bank", "", "", "at", "2035-01-06", "");
		assertRefused(noTime, browser, id, "Call the bank");
		assertThat(body(noTime)).contains("This reminder needs a time such as 09:00.");

		MvcTestResult badDate = browser.post("/tasks/" + id, "title", "Call the bank", "remindersOnForm", "true",
				"reminders[0].kind", "at", "reminders[0].date", "next week", "reminders[0].time", "08:00");
		assertRefused(badDate, browser, id, "Call the bank");
		assertThat(body(badDate)).contains("This reminder has &#39;next week&#39;, which is not a date such as 2026-12-01.");
	}

	@Test
	void moreThanTenRemindersAreRefusedWithEveryRowKept() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Launch the rocket");
		List<String> fields = new ArrayList<>(List.of("title", "Launch the rocket", "dueDate", "2035-07-01",
				"remindersOnForm", "true"));
		for (int i = 0; i < 11; i++) {
			fields.addAll(List.of("reminders[" + i + "].kind", "before", "reminders[" + i + "].amount",
					String.valueOf(i + 1), "reminders[" + i + "].unit", "hours"));
		}

		MvcTestResult refused = browser.post("/tasks/" + id, fields.toArray(String[]::new));

		assertRefused(refused, browser, id, "Launch the rocket");
		assertThat(body(refused)).contains("Reminders can be at most 10 per task; remove some.")
			.containsPattern(amount(id, 10, "11"))
			.doesNotContain("name=\"reminders[11].kind\"")
			.containsPattern("value=\"add-reminder\"[^>]*\\sdisabled=\"disabled\"")
			.containsPattern("value=\"add-reminder\"[^>]*\\shidden=\"hidden\"");
	}

	/** A snooze is for this occurrence and, as in the API, not one of the ten reminders a task may have. */
	@Test
	void aSnoozeIsMarkedOnItsRowAndLeavesRoomForTheTenthReminder() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Stretch");
		StringBuilder nine = new StringBuilder();
		for (int i = 1; i <= 9; i++) {
			nine.append("{\"before\": \"PT").append(i).append("H\"}, ");
		}
		assertThat(mvc.patch()
			.uri("/api/tasks/" + id)
			.session(browser.session())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"due_at\": \"2035-07-01T12:00:00Z\", \"reminders\": [" + nine
					+ "{\"at\": \"2035-06-30T09:00:00Z\", \"snoozed\": true}]}")).hasStatusOk();

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(edit).contains("class=\"reminder-row snoozed\"")
			.contains("Snoozed: this time only")
			.as("an empty row for the tenth reminder")
			.containsPattern(amount(id, 10, ""));

		List<String> fields = new ArrayList<>(List.of("title", "Stretch", "dueDate", "2035-07-01", "dueTime", "12:00",
				"remindersOnForm", "true", "reminders[9].kind", "at", "reminders[9].date", "2035-06-30",
				"reminders[9].time", "09:00"));
		for (int i : new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 10 }) {
			fields.addAll(List.of("reminders[" + i + "].kind", "before", "reminders[" + i + "].amount",
					String.valueOf(i + 1), "reminders[" + i + "].unit", "hours"));
		}
		assertThat(browser.post("/tasks/" + id, fields.toArray(String[]::new))).hasRedirectedUrl("/tasks");

		JsonNode saved = reminders(browser, id);
		assertThat(saved).hasSize(11);
		assertThat(saved).filteredOn(reminder -> reminder.path("snoozed").asBoolean()).singleElement()
			.satisfies(snooze -> assertThat(snooze.get("at").asString()).isEqualTo("2035-06-30T09:00:00Z"));
		assertThat(browser.page("/tasks/" + id + "/edit")).as("ten reminders and the snooze: full")
			.containsPattern("value=\"add-reminder\"[^>]*\\sdisabled=\"disabled\"")
			.doesNotContain("name=\"reminders[11].kind\"");
	}

	@Test
	void addAndRemoveButtonsWorkWithoutJavaScriptAndSaveNothing() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Pack for the trip");
		save(browser, id, "Pack for the trip", "2035-08-01", "", "before", "", "", "1", "days");

		MvcTestResult added = browser.post("/tasks/" + id, "title", "Pack for the big trip", "dueDate", "2035-08-01",
				"remindersOnForm", "true", "reminders[0].kind", "before", "reminders[0].amount", "2",
				"reminders[0].unit", "days", "reminders[1].kind", "at", "reminders[1].date", "2035-07-30",
				"reminders[1].time", "19:00", "formStep", "add-reminder");
		assertThat(added).hasStatusOk();
		assertThat(body(added)).contains("value=\"Pack for the big trip\"")
			.contains("value=\"2035-07-30\"")
			.containsPattern("name=\"reminders\\[2\\]\\.kind\" id=\"reminder-" + id + "-2-kind\" autofocus")
			.doesNotContain("name=\"reminders[3].kind\"");

		MvcTestResult removed = browser.post("/tasks/" + id, "title", "Pack for the big trip", "dueDate", "2035-08-01",
				"remindersOnForm", "true", "reminders[0].kind", "before", "reminders[0].amount", "2",
				"reminders[0].unit", "days", "reminders[1].kind", "at", "reminders[1].date", "2035-07-30",
				"reminders[1].time", "19:00", "formStep", "remove-reminder-0");
		assertThat(removed).hasStatusOk();
		assertThat(body(removed)).doesNotContainPattern("\\.amount\"[^>]*value=\"2\"")
			.contains("name=\"reminders[0].date\" id=\"reminder-" + id + "-0-date\" value=\"2035-07-30\"")
			.containsPattern("name=\"reminders\\[0\\]\\.kind\" id=\"reminder-" + id + "-0-kind\" autofocus");

		assertThat(browser.page("/tasks")).contains("Pack for the trip").doesNotContain("Pack for the big trip");
		assertThat(reminders(browser, id)).singleElement()
			.satisfies(reminder -> assertThat(reminder.get("before").asString()).isEqualTo("P1D"));
	}

	@Test
	void aSentReminderIsShownAsSentAndKeptWhenTheFormIsSavedAgain() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Water the tomatoes");
		// the API takes a time that has passed; the scheduler sends it at once
		assertThat(mvc.patch()
			.uri("/api/tasks/" + id)
			.session(browser.session())
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"reminders\": [{\"at\": \"2021-04-01T06:30:00Z\"}]}")).hasStatusOk();
		await().until(() -> reminders(browser, id).get(0).get("sent").asBoolean());

		String edit = browser.page("/tasks/" + id + "/edit");
		assertThat(edit).contains("class=\"reminder-row sent\"").containsPattern("Sent <span>[^<]+, \\d\\d:\\d\\d</span>");

		assertThat(save(browser, id, "Water the tomatoes today", "", "", "at", "2021-04-01", "06:30"))
			.as("a reminder already on the task may lie in the past")
			.hasRedirectedUrl("/tasks");
		assertThat(reminders(browser, id)).singleElement()
			.satisfies(reminder -> assertThat(reminder.get("sent").asBoolean()).isTrue());
	}

	@Test
	void anotherPersonsTaskCannotBeEditedOrSteppedThrough() {
		Browser owner = Browser.signedUp(mvc);
		long id = owner.addTask("Private plans");
		save(owner, id, "Private plans", "2035-09-01", "", "before", "", "", "1", "hours");
		Browser other = Browser.signedUp(mvc);

		assertThat(other.get("/tasks/" + id + "/edit")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(save(other, id, "Taken over", "2035-09-01", "", "before", "", "", "5", "minutes"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(other.post("/tasks/" + id, "title", "Taken over", "formStep", "add-reminder"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(other.post("/tasks/" + id, "title", "Taken over", "formStep", "preview"))
			.hasStatus(HttpStatus.NOT_FOUND);

		assertThat(owner.page("/tasks")).contains("Private plans").doesNotContain("Taken over");
		assertThat(reminders(owner, id)).singleElement()
			.satisfies(reminder -> assertThat(reminder.get("before").asString()).isEqualTo("PT1H"));
	}

	@Test
	void remindersChangedInAnotherTabAreOfferedRatherThanReverted() {
		Browser browser = Browser.signedUp(mvc);
		long id = browser.addTask("Prepare the talk");
		String secondTab = base(browser.page("/tasks/" + id + "/edit"));
		assertThat(save(browser, id, "Prepare the talk", "2035-10-01", "10:00", "before", "", "", "1", "days"))
			.hasRedirectedUrl("/tasks");

		MvcTestResult stale = browser.post("/tasks/" + id, "title", "Prepare the keynote", "dueDate", "2035-10-01",
				"dueTime", "10:00", "remindersOnForm", "true", "version", "1", "base", secondTab);

		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(stale)).contains("data-field=\"reminders\"")
			.containsPattern("name=\"resolve.reminders\" value=\"theirs\"\\s+checked")
			.contains("1 day before");

		assertThat(browser.post("/tasks/" + id, "title", "Prepare the keynote", "dueDate", "2035-10-01", "dueTime",
				"10:00", "remindersOnForm", "true", "version", "2", "base", base(body(stale)), "resolve.reminders",
				"theirs")).hasRedirectedUrl("/tasks");
		assertThat(browser.page("/tasks")).contains("Prepare the keynote");
		assertThat(reminders(browser, id)).singleElement()
			.satisfies(reminder -> assertThat(reminder.get("before").asString()).isEqualTo("P1D"));
	}

	/** The form as a person fills it in; {@code rows} are kind, date, time, amount, unit for each row. */
	private static MvcTestResult save(Browser browser, long id, String title, String dueDate, String dueTime,
			String... rows) {
		List<String> fields = new ArrayList<>(List.of("title", title, "dueDate", dueDate, "dueTime", dueTime,
				"remindersOnForm", "true"));
		String[] names = { "kind", "date", "time", "amount", "unit" };
		for (int i = 0; i < rows.length; i++) {
			fields.add("reminders[" + i / 5 + "]." + names[i % 5]);
			fields.add(rows[i]);
		}
		return browser.post("/tasks/" + id, fields.toArray(String[]::new));
	}

	private static void assertRefused(MvcTestResult result, Browser browser, long id, String savedTitle) {
		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(reminders(browser, id)).as("nothing saved").isEmpty();
		assertThat(browser.page("/tasks")).contains(savedTitle);
	}

	private static JsonNode reminders(Browser browser, long id) {
		MvcTestResult task = browser.get("/api/tasks/" + id);
		assertThat(task).hasStatusOk();
		return JSON.readTree(body(task)).get("reminders");
	}

	private static String amount(long id, int row, String value) {
		return "name=\"reminders\\[" + row + "\\]\\.amount\" id=\"reminder-" + id + "-" + row + "-amount\"[^>]*\\s+value=\""
				+ value + "\"";
	}

	private static List<String> amountAndUnit(String page, long id, int row) {
		Matcher amount = Pattern.compile("id=\"reminder-" + id + "-" + row + "-amount\"[^>]*value=\"([^\"]*)\"")
			.matcher(page);
		Matcher unit = Pattern.compile("id=\"reminder-" + id + "-" + row
				+ "-unit\">\\s*(?:<option[^>]*>[^<]*</option>\\s*)*?<option value=\"(\\w+)\" selected")
			.matcher(page);
		assertThat(amount.find()).isTrue();
		assertThat(unit.find()).isTrue();
		return List.of(amount.group(1), unit.group(1));
	}

	private static String base(MvcTestResult result) {
		return base(body(result));
	}

	private static String base(String page) {
		Matcher matcher = BASE.matcher(page);
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
