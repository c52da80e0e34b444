package dev.taskflow;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.KeyboardModifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Task-level features in a real browser (Debian's Chromium through Playwright, as in
 * {@link BrowserJourneyTests}): undo after delete, bulk complete with shift-click and its undo, and
 * snoozing a reminder from its toast.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:features-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class TaskFeatureJourneyTests {

	private static final String PASSWORD = "correct horse battery staple";

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	private BrowserContext context;

	@BeforeEach
	void openContext() {
		context = tabs.context();
	}

	@Test
	void quickAddPreviewsWhatItReadAndAChipsCrossKeepsThatPartInTheTitle() {
		Page page = context.newPage();
		signUp(page);
		Locator field = page.getByLabel("New task");
		Locator preview = page.locator("#quick-add-preview");

		field.fill("Call the dentist tomorrow 9am #health p1");
		assertThat(preview).containsText("Tomorrow 9:00");
		assertThat(preview).containsText("#health");
		assertThat(preview).containsText("High priority");

		preview.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep Tomorrow 9:00 in the title"))
			.click();
		assertThat(field).hasValue("Call the dentist \"tomorrow 9am\" #health p1");
		assertThat(preview).not().containsText("Tomorrow 9:00");
		assertThat(preview).containsText("Call the dentist tomorrow 9am");

		field.press("Enter");
		Locator row = task(page, "Call the dentist tomorrow 9am");
		assertThat(row).isVisible();
		assertThat(row).containsText("#health");
	}

	@Test
	void deletingATaskAsksNothingAndUndoBringsItBack() {
		Page page = context.newPage();
		signUp(page);
		quickAdd(page, "Feed the cat");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete Feed the cat")).click();
		assertThat(page.locator(".undo-toast")).containsText("Deleted “Feed the cat”.");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo deleting Feed the cat")).click();

		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark Feed the cat as done")))
			.isVisible();
		page.reload();
		assertThat(task(page, "Feed the cat")).isVisible();
	}

	@Test
	void completingARecurringTaskSaysWhenItIsNextAndUndoTakesTheNextOneBack() {
		Page page = context.newPage();
		signUp(page);
		page.getByLabel("New task").fill("Water the plants Dec 24, 2030 every week");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
		assertThat(task(page, "Water the plants")).hasCount(1);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark Water the plants as done")).click();
		assertThat(page.locator(".undo-toast")).containsText("Completed “Water the plants”. Next: Tue 31 Dec 2030.");
		// the next instance arrives through the event path and a live update of the list
		assertThat(page.locator("#task-results li.task:not(.completed)").filter(
				new Locator.FilterOptions().setHasText("Water the plants"))).hasCount(1);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo completing Water the plants")).click();

		assertThat(page.locator(".undo-toast")).hasCount(0);
		assertThat(task(page, "Water the plants")).hasCount(1);
		assertThat(task(page, "Water the plants")).containsText("Tue 24 Dec 2030");
		page.reload();
		assertThat(task(page, "Water the plants")).hasCount(1);
	}

	@Test
	void shiftClickSelectsARangeThatIsCompletedAtOnceAndUndone() {
		Page page = context.newPage();
		signUp(page);
		quickAdd(page, "First");
		quickAdd(page, "Second");
		quickAdd(page, "Third");

		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Third")).click();
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select First"))
			.click(new Locator.ClickOptions().setModifiers(List.of(KeyboardModifier.SHIFT)));
		assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Second"))).isChecked();
		assertThat(page.getByText("3 selected:")).isVisible();

		// a live update (a task added in another tab) redraws the list: the selection and its count stay
		Page otherTab = context.newPage();
		otherTab.navigate("/tasks");
		otherTab.waitForLoadState(LoadState.LOAD);
		quickAdd(otherTab, "Fourth");
		otherTab.close();
		assertThat(task(page, "Fourth")).isVisible();
		assertThat(page.getByText("3 selected:")).isVisible();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true)).click();
		assertThat(page.getByText("Completed 3 tasks.")).isVisible();
		assertThat(page.locator("#task-results li.task")).hasCount(1);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo")).click();
		assertThat(page.getByText("Reopened 3 tasks.")).isVisible();
		assertThat(page.locator("#task-results li.task")).hasCount(4);
	}

	@Test
	void aReminderToastCanBeSnoozedAndTheUnreadCountShowsInTheTitle() {
		Page page = context.newPage();
		signUp(page);
		page.waitForResponse(response -> response.url().endsWith("/api/stream"), () -> page.navigate("/tasks"));
		String remindAt = Instant.now().plusSeconds(2).toString();
		Object status = page.evaluate("""
				at => fetch('/api/tasks', {method: 'POST', headers: Object.assign({'Content-Type': 'application/json'},
				  JSON.parse(document.body.getAttribute('hx-headers') || '{}')),
				  body: JSON.stringify({title: 'Call the dentist', reminders: [{at: at}]})}).then(r => r.status)""",
				remindAt);
		org.assertj.core.api.Assertions.assertThat(status).isEqualTo(201);

		Locator toast = page.locator("[data-toasts] .toast").filter(new Locator.FilterOptions().setHasText("Call the dentist"));
		assertThat(toast).isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
			.setTimeout(30_000));
		assertThat(page).hasTitle(java.util.regex.Pattern.compile("^\\(1\\) "));
		toast.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Snooze 10 min")).click();

		assertThat(page.getByText("Snoozed until")).isVisible();
		assertThat(page).hasTitle(java.util.regex.Pattern.compile("^[^(]"));
	}

	private void signUp(Page page) {
		page.navigate("/signup");
		page.getByLabel("E-mail").fill("person-" + UUID.randomUUID() + "@example.com");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
		assertThat(page.getByLabel("New task")).isVisible();
		// htmx wires the page up on DOMContentLoaded, after the deferred scripts: type only once it has
		page.waitForLoadState(LoadState.LOAD);
	}

	private static void quickAdd(Page page, String title) {
		page.getByLabel("New task").fill(title);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
		assertThat(task(page, title)).isVisible();
	}

	private static Locator task(Page page, String title) {
		return page.locator("#task-results li.task").filter(new Locator.FilterOptions().setHasText(title));
	}
}
