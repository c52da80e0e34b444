package dev.taskflow;

import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;
import dev.taskflow.support.JourneySteps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.taskflow.support.JourneySteps.quickAdd;
import static dev.taskflow.support.JourneySteps.task;

/**
 * Live updates (a change made in another tab, pushed to this one) leave the person where they were:
 * what they are typing into the bulk bar, the control of a row they are on, the task list position
 * after completing a recurring task; and they keep the list to its view (a task re-dated out of Today
 * leaves it, one dated today arrives). Two tabs of one person in Chromium; the other tab's changes go
 * through its own page, as a script there would.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:live-focus-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class LiveUpdateFocusJourneyTests {

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@Test
	void aTaskAddedInAnotherTabKeepsWhatIsTypedIntoTheBulkBar() {
		BrowserContext person = tabs.context();
		Page here = person.newPage();
		JourneySteps.signUp(here);
		quickAdd(here, "Water the plants", "Water the plants");
		quickAdd(here, "Pay the rent", "Pay the rent");
		Page there = person.newPage();
		openTaskList(there);
		openTaskList(here);

		here.bringToFront();
		Locator box = task(here, "Water the plants").locator("[data-bulk-select]");
		box.check();
		Locator tag = here.getByLabel("Tag to add");
		tag.click();
		here.keyboard().type("urgent");
		// the list refresh this one causes swaps the whole results, bulk bar included
		quickAdd(there, "Added in the other tab", "Added in the other tab");

		assertThat(task(here, "Added in the other tab")).isVisible();
		assertThat(tag).hasValue("urgent");
		assertThat(tag).isFocused();
		assertThat(box).isChecked();
	}

	@Test
	void aRowChangedInAnotherTabKeepsFocusOnTheSameControl() {
		BrowserContext person = tabs.context();
		Page here = person.newPage();
		JourneySteps.signUp(here);
		quickAdd(here, "Water the plants", "Water the plants");
		long id = Long.parseLong(task(here, "Water the plants").getAttribute("id").replace("task-", ""));
		Page there = person.newPage();
		openTaskList(there);
		openTaskList(here);

		here.bringToFront();
		Locator row = task(here, "Water the plants");
		Locator box = row.locator("[data-bulk-select]");
		box.focus();
		change(there, id, "{\"priority\": \"high\"}");
		assertThat(row).containsText("high priority");
		assertThat(box).isFocused();

		Locator edit = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"));
		edit.focus();
		change(there, id, "{\"priority\": \"low\"}");
		assertThat(row).containsText("low priority");
		assertThat(edit).isFocused();
	}

	@Test
	void completingARecurringTaskWithTheKeyboardKeepsFocusInTheListOnceItsNextInstanceArrives() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		quickAdd(page, "Water the plants tomorrow every day", "Water the plants");
		quickAdd(page, "Learn the cello", "Learn the cello");
		openTaskList(page);
		Locator watering = task(page, "Water the plants");
		String completed = watering.getAttribute("id");

		page.keyboard().press("j");
		assertThat(watering).isFocused();
		page.keyboard().press("x");
		// the next instance's task.created refreshes the list, which no longer shows the completed one
		assertThat(page.locator("#" + completed)).hasCount(0);
		assertThat(watering).hasCount(1);
		assertThat(watering).isFocused();
	}

	@Test
	void aTaskReDatedInAnotherTabLeavesThisTabsTodayAndOneDatedTodayThereArrives() {
		BrowserContext person = tabs.context();
		Page here = person.newPage();
		JourneySteps.signUp(here);
		quickAdd(here, "Pay the rent today", "Pay the rent");
		quickAdd(here, "Call mum", "Call mum");
		long rent = Long.parseLong(task(here, "Pay the rent").getAttribute("id").replace("task-", ""));
		long mum = Long.parseLong(task(here, "Call mum").getAttribute("id").replace("task-", ""));
		Page there = person.newPage();
		openTaskList(there);
		openTaskList(here, "/tasks?view=today");
		assertThat(task(here, "Pay the rent")).isVisible();
		assertThat(task(here, "Call mum")).hasCount(0);
		here.evaluate("() => { window.notLoadedAgain = true; }");

		change(there, rent, "{\"due_at\": \"2031-01-15\"}");

		assertThat(task(here, "Pay the rent")).hasCount(0);

		String today = LocalDate.now(ZoneId.of(BrowserTabs.TIME_ZONE)).toString();
		change(there, mum, "{\"due_at\": \"" + today + "\"}");

		assertThat(task(here, "Call mum")).isVisible();
		org.assertj.core.api.Assertions.assertThat(here.evaluate("() => window.notLoadedAgain === true")).isEqualTo(true);
	}

	/** Opens the list and waits until its live stream is connected, so no change is missed. */
	private static void openTaskList(Page page) {
		openTaskList(page, "/tasks");
	}

	private static void openTaskList(Page page, String url) {
		page.waitForResponse(response -> response.url().endsWith("/api/stream"), () -> page.navigate(url));
		page.waitForLoadState(LoadState.LOAD);
	}

	/** {@code PATCH /api/tasks/{id}} from {@code page}, with its session and CSRF token, as a script there would. */
	private static void change(Page page, long id, String json) {
		Object status = page.evaluate("""
				([url, json]) => fetch(url, { method: 'PATCH', body: json,
				    headers: Object.assign({ 'Content-Type': 'application/json' },
				      JSON.parse(document.body.getAttribute('hx-headers') || '{}')) })
				  .then(response => response.status)""", new Object[] { "/api/tasks/" + id, json });
		org.assertj.core.api.Assertions.assertThat(status).isEqualTo(200);
	}
}
