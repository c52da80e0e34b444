package dev.taskflow;

import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;
import dev.taskflow.support.JourneySteps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Refused forms on the task list in a real browser: the message is an error next to the field
 * (role=alert), never the green notice that successes use, and what was typed and selected stays.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:form-errors-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class FormErrorsJourneyTests {

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@Test
	void aViewNameUsedTwiceIsAnErrorNextToTheFieldWithTheNameKept() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		JourneySteps.quickAdd(page, "Write the report p1", "Write the report");
		String name = "Urgent " + UUID.randomUUID().toString().substring(0, 6);
		page.getByText("Search and filters").click();
		page.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true)).selectOption("high");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
		page.getByLabel("Save this list as a view").fill(name);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save view")).click();
		assertThat(page.locator(".notice[role=status]")).containsText("Saved the view");

		page.getByLabel("Save this list as a view").fill(name);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save view")).click();

		Locator field = page.getByLabel("Save this list as a view");
		assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("already have a view")))
			.isVisible();
		assertThat(field).hasValue(name);
		assertThat(field).hasAttribute("aria-invalid", "true");
		assertThat(page.locator(".notice[role=status]")).hasCount(0);
	}

	@Test
	void aBadBulkTagIsAnErrorInTheBarWithTheSelectionAndTheTagKept() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		JourneySteps.quickAdd(page, "Buy milk", "Buy milk");
		JourneySteps.quickAdd(page, "Call mum", "Call mum");
		Locator milk = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Buy milk"));
		Locator mum = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Call mum"));
		milk.check();
		mum.check();
		page.getByLabel("Tag to add").fill("has space!");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tag")).click();

		assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Enter a tag")))
			.isVisible();
		// in place (bulk.js): the quick add's "Added" notice is still there, but the error is not a notice
		assertThat(page.locator(".notice[role=status], #toasts").filter(new Locator.FilterOptions().setHasText("Enter a tag")))
			.hasCount(0);
		assertThat(page.getByLabel("Tag to add")).hasValue("has space!");
		assertThat(page.getByLabel("Tag to add")).hasAttribute("aria-invalid", "true");
		assertThat(milk).isChecked();
		assertThat(mum).isChecked();
		assertThat(page.locator("[data-bulk-count]")).hasText("2 selected:");

		// put right, it goes through with the same selection
		page.getByLabel("Tag to add").fill("errands");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tag")).click();
		assertThat(page.locator("#toasts")).containsText("Tagged 2 tasks.");
		assertThat(JourneySteps.task(page, "Buy milk")).containsText("#errands");
		assertThat(JourneySteps.task(page, "Call mum")).containsText("#errands");
	}

	@Test
	void enterInTheBulkDateFieldReschedulesTheSelectedTasksAndEnterOnARowsBoxDoesNothing() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		JourneySteps.quickAdd(page, "Buy milk", "Buy milk");
		JourneySteps.quickAdd(page, "Call mum", "Call mum");
		selectBoth(page);
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Buy milk")).press("Enter");
		page.getByLabel("New date").fill("2030-01-15");

		page.getByLabel("New date").press("Enter");

		assertThat(page.locator("#toasts")).containsText("Rescheduled 2 tasks");
		assertThat(JourneySteps.task(page, "Buy milk")).containsText("Tue 15 Jan 2030");
		assertThat(JourneySteps.task(page, "Call mum")).containsText("Tue 15 Jan 2030");
		assertThat(page.locator("#task-results li.task.completed")).hasCount(0);
	}

	@Test
	void withoutJavaScriptEnterInTheBulkDateFieldAsksWhatToDoAndCompletesNothing() {
		Page page = tabs.context(options -> options.setJavaScriptEnabled(false)).newPage();
		JourneySteps.signUp(page);
		JourneySteps.quickAdd(page, "Buy milk", "Buy milk");
		JourneySteps.quickAdd(page, "Call mum", "Call mum");
		selectBoth(page);
		page.getByLabel("New date").fill("2030-01-15");

		page.getByLabel("New date").press("Enter");

		assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Choose what to do")))
			.isVisible();
		assertThat(page.locator(".notice[role=status]")).hasCount(0);
		assertThat(page.getByLabel("New date")).hasValue("2030-01-15");
		assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Call mum"))).isChecked();
		assertThat(JourneySteps.task(page, "Buy milk")).isVisible();
		assertThat(JourneySteps.task(page, "Call mum")).isVisible();
		assertThat(page.locator("#task-results li.task.completed")).hasCount(0);
	}

	@Test
	void aRefusedEditFormOrAccountFormComesBackWithFocusOnTheFirstRefusedField() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		JourneySteps.quickAdd(page, "Book the venue", "Book the venue");
		String id = JourneySteps.task(page, "Book the venue").getAttribute("id").substring("task-".length());

		page.navigate("/tasks/" + id + "/edit");
		Locator reminder = page.locator(".reminder-rows > .reminder-row").first();
		reminder.getByLabel("Remind me").selectOption("before");
		reminder.getByLabel("How long").fill("2");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(reminder.getByLabel("How long")).hasAttribute("aria-invalid", "true");
		assertThat(reminder.getByLabel("Remind me")).isFocused(); // the row's first field

		page.navigate("/account");
		Locator current = page.locator("#password").getByLabel("Current password");
		current.fill("not the password at all");
		page.getByLabel("New password").fill("a brand new passphrase");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
		assertThat(current).hasAttribute("aria-invalid", "true");
		assertThat(current).isFocused();
	}

	private static void selectBoth(Page page) {
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Buy milk")).check();
		page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select Call mum")).check();
	}
}
