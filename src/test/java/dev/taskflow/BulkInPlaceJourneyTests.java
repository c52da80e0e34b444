package dev.taskflow;

import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;
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
 * The bulk bar with scripts on: an action updates the list where it is, without loading the page (a
 * marker put on {@code window} survives), says what it did in a toast with Undo, and keeps the selection,
 * what is typed into the bar and focus; a refused or failed action says why in the bar and loses nothing.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:bulk-in-place-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class BulkInPlaceJourneyTests {

	private static final Pattern COMPLETED = Pattern.compile("\\bcompleted\\b");

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs().expectingStatus(503);

	@Test
	void aBulkCompleteUpdatesTheRowsInPlaceKeepingTheSelectionTypedTextAndFocus() {
		// axe is added as a script tag, which the pages' CSP would rightly refuse: only this context bypasses it
		Page page = tabs.context(options -> options.setBypassCSP(true)).newPage();
		JourneySteps.signUp(page);
		quickAdd(page, "Buy milk", "Buy milk");
		quickAdd(page, "Call mum", "Call mum");
		quickAdd(page, "Book the venue", "Book the venue");
		openTaskList(page, "/tasks?status=all");
		markThePage(page);
		Locator milk = select(page, "Buy milk");
		Locator mum = select(page, "Call mum");
		page.getByLabel("Tag to add").fill("later");
		Locator complete = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true));

		complete.click();

		Locator toasts = page.locator("#toasts");
		assertThat(toasts).containsText("Completed 2 tasks.");
		assertThat(task(page, "Buy milk")).hasClass(COMPLETED);
		assertThat(task(page, "Call mum")).hasClass(COMPLETED);
		assertThat(task(page, "Book the venue")).not().hasClass(COMPLETED);
		assertThat(milk).isChecked();
		assertThat(mum).isChecked();
		assertThat(page.locator("[data-bulk-count]")).hasText("2 selected:");
		assertThat(page.getByLabel("Tag to add")).hasValue("later");
		assertThat(complete).isFocused();
		assertThat(page.locator(".notice[role=status]")).hasCount(0);
		assertPageNotLoadedAgain(page);
		org.assertj.core.api.Assertions.assertThat(JourneySteps.axe(page, "bulk-in-place", "light")).isEmpty();

		toasts.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Undo: Completed 2 tasks.")).click();

		assertThat(toasts).containsText("Reopened 2 tasks.");
		assertThat(task(page, "Buy milk")).not().hasClass(COMPLETED);
		assertThat(task(page, "Call mum")).not().hasClass(COMPLETED);
		assertThat(page.locator("#task-results li.task:focus")).containsText(Pattern.compile("Buy milk|Call mum"));
		assertPageNotLoadedAgain(page);
	}

	@Test
	void tasksCompletedFromTheInboxLeaveItAndFocusGoesToTheRowInTheirPlace() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		quickAdd(page, "Buy milk", "Buy milk");
		quickAdd(page, "Call mum", "Call mum");
		quickAdd(page, "Book the venue", "Book the venue");
		openTaskList(page, "/tasks");
		markThePage(page);
		select(page, "Buy milk");
		select(page, "Call mum");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true)).click();

		assertThat(page.locator("#toasts")).containsText("Completed 2 tasks.");
		assertThat(page.locator("#task-results li.task")).hasCount(1);
		assertThat(task(page, "Book the venue")).isFocused();
		assertThat(page.locator("[data-bulk-bar]")).isHidden();
		assertPageNotLoadedAgain(page);
	}

	@Test
	void aRefusedTagIsAnErrorInTheBarAndATaskDeletedMeanwhileIsSaidInTheToast() {
		BrowserContext person = tabs.context();
		Page page = person.newPage();
		JourneySteps.signUp(page);
		quickAdd(page, "Buy milk", "Buy milk");
		quickAdd(page, "Call mum", "Call mum");
		openTaskList(page, "/tasks");
		markThePage(page);
		Locator milk = select(page, "Buy milk");
		Locator mum = select(page, "Call mum");
		Locator tag = page.getByLabel("Tag to add");
		tag.fill("has space!");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tag")).click();

		assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Enter a tag")))
			.isVisible();
		assertThat(tag).hasAttribute("aria-invalid", "true");
		assertThat(tag).isFocused();
		assertThat(tag).hasValue("has space!");
		assertThat(milk).isChecked();
		assertThat(mum).isChecked();
		assertPageNotLoadedAgain(page);

		// "Call mum" is deleted (another tab, the API) while the request is on its way
		String mumId = task(page, "Call mum").getAttribute("id").replace("task-", "");
		RequestOptions withToken = RequestOptions.create();
		csrfHeaders(page).forEach((name, value) -> withToken.setHeader(name, String.valueOf(value)));
		page.route("**/tasks/bulk", route -> {
			org.assertj.core.api.Assertions.assertThat(person.request().delete("/api/tasks/" + mumId, withToken).status())
				.isEqualTo(204);
			route.resume();
		});
		tag.fill("errands");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add tag")).click();

		assertThat(page.locator("#toasts")).containsText("Tagged 1 task. 1 was no longer there.");
		assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("Enter a tag")))
			.hasCount(0);
		assertThat(tag).not().hasAttribute("aria-invalid", "true");
		assertThat(task(page, "Buy milk")).containsText("#errands");
		assertThat(task(page, "Call mum")).hasCount(0);
		assertPageNotLoadedAgain(page);
	}

	@Test
	void aBulkRequestThatFailsSaysSoInTheBarAndKeepsEverything() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		quickAdd(page, "Buy milk", "Buy milk");
		openTaskList(page, "/tasks");
		markThePage(page);
		Locator milk = select(page, "Buy milk");
		page.route("**/tasks/bulk", route -> route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
			.setStatus(503)
			.setContentType("text/html")
			.setBody("<p>Unavailable</p>")));
		Locator complete = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete").setExact(true));

		complete.click();

		assertThat(page.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("unavailable for a moment")))
			.isVisible();
		assertThat(milk).isChecked();
		assertThat(task(page, "Buy milk")).not().hasClass(COMPLETED);
		assertThat(complete).isFocused();
		assertPageNotLoadedAgain(page);
	}

	/** Opens a list and waits until its live stream is connected, so no change is missed. */
	private static void openTaskList(Page page, String url) {
		page.waitForResponse(response -> response.url().endsWith("/api/stream"), () -> page.navigate(url));
		page.waitForLoadState(LoadState.LOAD);
	}

	/** Ticks a row's box; returns it. */
	private static Locator select(Page page, String title) {
		Locator box = page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Select " + title));
		box.check();
		return box;
	}

	/** A mark that loading the page again would take away. */
	private static void markThePage(Page page) {
		page.evaluate("() => { window.notLoadedAgain = true; }");
	}

	private static void assertPageNotLoadedAgain(Page page) {
		org.assertj.core.api.Assertions.assertThat(page.evaluate("() => window.notLoadedAgain === true"))
			.as("the page was not loaded again")
			.isEqualTo(true);
	}

	/** The CSRF header the page sends with its own requests (name → token). */
	@SuppressWarnings("unchecked")
	private static java.util.Map<String, Object> csrfHeaders(Page page) {
		return (java.util.Map<String, Object>) page.evaluate("() => JSON.parse(document.body.getAttribute('hx-headers'))");
	}
}
