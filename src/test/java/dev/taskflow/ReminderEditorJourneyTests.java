package dev.taskflow;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.taskflow.support.JourneySteps.axe;
import static dev.taskflow.support.JourneySteps.quickAdd;
import static dev.taskflow.support.JourneySteps.signUp;
import static dev.taskflow.support.JourneySteps.task;

/**
 * The task form's reminders in a real browser (Debian's Chromium through Playwright): rows added and
 * removed in place with focus following, saved, and the row's bell showing the next one; axe-core checks
 * the form in light and dark, at desktop and phone width. Screenshots go to {@code target/screenshots}.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:reminder-editor-journeys-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class ReminderEditorJourneyTests {

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@ParameterizedTest
	@ValueSource(strings = { "light", "dark" })
	void remindersAreAddedAndRemovedInPlaceSavedAndShownByTheBell(String scheme) {
		Page page = context("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT, true, 1280, 800).newPage();
		signUp(page);
		quickAdd(page, "Renew the passport", "Renew the passport");
		String id = task(page, "Renew the passport").getAttribute("id").substring("task-".length());

		page.navigate("/tasks/" + id + "/edit");
		page.locator("input[name=dueDate]").fill("2035-03-10");
		page.locator("input[name=dueTime]").fill("09:00");
		Locator rows = page.locator(".reminder-rows > .reminder-row");
		assertThat(rows).hasCount(1);
		// a task without a due date is reminded at a time
		assertThat(rows.nth(0).getByLabel("Remind me")).hasValue("at");
		assertThat(rows.nth(0).locator(".reminder-before").first()).isHidden();
		rows.nth(0).getByLabel("Date").fill("2035-03-09");
		rows.nth(0).getByLabel("Time").fill("18:00");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another reminder")).click();
		assertThat(rows).hasCount(2);
		assertThat(rows.nth(1).getByLabel("Remind me")).isFocused();
		assertThat(rows.nth(1).getByLabel("Remind me")).hasAttribute("name", "reminders[1].kind");
		rows.nth(1).getByLabel("Remind me").selectOption("before");
		assertThat(rows.nth(1).locator(".reminder-at").first()).isHidden();
		rows.nth(1).getByLabel("How long").fill("30");
		rows.nth(1).getByLabel("Unit").selectOption("minutes");
		org.assertj.core.api.Assertions.assertThat(axe(page, "reminders-editor", scheme)).isEmpty();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(task(page, "Renew the passport").locator(".reminder"))
			.hasAttribute("title", "Reminder Fri 9 Mar 2035, 18:00");

		page.navigate("/tasks/" + id + "/edit");
		assertThat(rows).hasCount(3);
		rows.nth(0).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove this reminder")).click();
		assertThat(rows).hasCount(2);
		Locator first = rows.nth(0).getByLabel("Remind me");
		assertThat(first).isFocused();
		assertThat(first).hasValue("before");
		assertThat(first).hasAttribute("name", "reminders[0].kind");
		assertThat(page.locator(".reminder-status")).hasText("Reminder removed.");
		org.assertj.core.api.Assertions.assertThat(axe(page, "reminders-removed", scheme)).isEmpty();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(task(page, "Renew the passport").locator(".reminder"))
			.hasAttribute("title", "Reminder Sat 10 Mar 2035, 08:30");
	}

	/** Snoozes are not among a task's ten reminders, in the browser as on the server. */
	@Test
	void aSnoozeRowLeavesRoomForTheTenthReminder() {
		Page page = context(ColorScheme.LIGHT, true, 1280, 800).newPage();
		signUp(page);
		Object id = page.evaluate("""
				() => fetch('/api/tasks', {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'},
				  JSON.parse(document.body.getAttribute('hx-headers') || '{}')),
				  body: JSON.stringify({title: 'Stretch', due_at: '2035-07-01T12:00:00Z',
				    reminders: [1, 2, 3, 4, 5, 6, 7, 8].map(h => ({before: 'PT' + h + 'H'}))
				      .concat([{at: '2035-06-30T09:00:00Z', snoozed: true}])})}).then(r => r.json()).then(t => t.id)""");

		page.navigate("/tasks/" + id + "/edit");
		Locator rows = page.locator(".reminder-rows > .reminder-row");
		Locator add = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another reminder"));
		assertThat(rows).hasCount(10);
		assertThat(page.locator(".reminder-row.snoozed")).containsText("Snoozed: this time only");
		rows.nth(9).getByLabel("How long").fill("9");
		add.click();
		assertThat(rows).hasCount(11);
		assertThat(rows.nth(10).getByLabel("Remind me")).isFocused();
		assertThat(add).isHidden();

		rows.nth(10).getByLabel("How long").fill("10");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(page).hasURL(Pattern.compile("/tasks$"));
		page.navigate("/tasks/" + id + "/edit");
		assertThat(rows).hasCount(11);
		assertThat(page.locator(".reminder-row.snoozed")).hasCount(1);
	}

	@Test
	void theInlineEditorAddsAReminderInPlace() {
		Page page = context(ColorScheme.LIGHT, false, 1280, 800).newPage();
		signUp(page);
		quickAdd(page, "Call the plumber next Fri 10am", "Call the plumber");

		task(page, "Call the plumber").getByTitle("Edit (e)").click();
		Locator editor = page.locator("li.editing");
		Locator rows = editor.locator(".reminder-rows > .reminder-row");
		assertThat(rows).hasCount(1);
		// a task with a due date is reminded before it
		assertThat(rows.nth(0).getByLabel("Remind me")).hasValue("before");
		rows.nth(0).getByLabel("How long").fill("1");
		rows.nth(0).getByLabel("Unit").selectOption("hours");
		editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add another reminder")).click();
		assertThat(rows).hasCount(2);
		assertThat(rows.nth(1).getByLabel("Remind me")).isFocused();
		editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();

		assertThat(page.locator("li.editing")).hasCount(0);
		assertThat(task(page, "Call the plumber").locator(".reminder")).hasAttribute("title",
				Pattern.compile("Reminder .*, 09:00"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "light", "dark" })
	void aRefusedReminderIsExplainedNextToItsRowAtPhoneWidth(String scheme) {
		Page page = context("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT, true, 390, 844).newPage();
		signUp(page);
		quickAdd(page, "Book the venue", "Book the venue");
		String id = task(page, "Book the venue").getAttribute("id").substring("task-".length());

		page.navigate("/tasks/" + id + "/edit");
		Locator rows = page.locator(".reminder-rows > .reminder-row");
		rows.nth(0).getByLabel("Remind me").selectOption("before");
		rows.nth(0).getByLabel("How long").fill("2");
		rows.nth(0).getByLabel("Unit").selectOption("hours");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();

		assertThat(rows.nth(0).locator(".field-error"))
			.hasText("This reminder is counted from the due date, and this task has none: set one, or remind at a date and time.");
		assertThat(rows.nth(0).getByLabel("How long")).hasValue("2");
		assertThat(rows.nth(0).getByLabel("How long")).hasAttribute("aria-invalid", "true");
		org.assertj.core.api.Assertions.assertThat(axe(page, "reminder-refused", "phone-" + scheme)).isEmpty();
		org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
				"() => document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling at phone width")
			.isTrue();

		page.locator("input[name=dueDate]").fill("2035-04-02");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(task(page, "Book the venue").locator(".reminder")).hasAttribute("title", "Reminder Sun 1 Apr 2035, 22:00");
	}

	private BrowserContext context(ColorScheme scheme, boolean forAxe, int width, int height) {
		// axe is added as a script tag, which the pages' CSP would rightly refuse: only its contexts bypass it
		return tabs.context(options -> options.setColorScheme(scheme)
			.setViewportSize(width, height)
			.setServiceWorkers(ServiceWorkerPolicy.BLOCK)
			.setBypassCSP(forAxe));
	}
}
