package dev.taskflow;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A person's path through the pages in a real browser: Debian's Chromium, driven by Playwright, against
 * the whole application on a random port. Playwright never downloads a browser; without
 * {@code /usr/bin/chromium} these tests are skipped, or fail when {@code -Dtaskflow.test.browser=required}
 * (as in CI, after {@code scripts/install-test-browser.sh}).
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:browser-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class BrowserJourneyTests {

	private static final String PASSWORD = "correct horse battery staple";

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	private BrowserContext context;

	@BeforeEach
	void openContext() {
		context = tabs.context();
	}

	@Test
	void aNewUserAddsFiltersEditsAndCompletesTasks() {
		Page page = context.newPage();
		signUp(page);

		quickAdd(page, "Buy milk");
		quickAdd(page, "Write the quarterly report");
		assertThat(tasks(page)).hasCount(2);

		page.getByText("Search and filters").click();
		page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search")).fill("milk");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
		assertThat(tasks(page)).hasCount(1);
		assertThat(tasks(page)).containsText("Buy milk");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clear").setExact(true)).click();
		assertThat(tasks(page)).hasCount(2);

		Locator report = task(page, "Write the quarterly report");
		report.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit")).click();
		Locator editor = page.locator("li.task.editing");
		editor.getByLabel("Priority").selectOption("high");
		editor.getByLabel("Due date").fill("2030-01-07");
		editor.getByLabel("Tags").fill("Work, reports");
		editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(report).containsText("high priority");
		assertThat(report).containsText("Mon 7 Jan 2030");
		assertThat(report).containsText("#work");

		report.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("#work")).click();
		assertThat(page.getByLabel("Tag", new Page.GetByLabelOptions().setExact(true))).hasValue("work");
		assertThat(tasks(page)).hasCount(1);
		assertThat(tasks(page)).containsText("Write the quarterly report");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clear").setExact(true)).click();
		assertThat(tasks(page)).hasCount(2);

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark Write the quarterly report as done"))
			.click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen Write the quarterly report")))
			.isVisible();
		showTab(page, "Inbox");
		assertThat(tasks(page)).hasCount(1);
		assertThat(tasks(page)).containsText("Buy milk");
		showTab(page, "Completed");
		assertThat(tasks(page)).hasCount(1);
		assertThat(tasks(page)).containsText("Write the quarterly report");

		// With scripts on, "Edit" opens the form in the row; the edit page with the history is that link's
		// target, as when it is opened in a new tab.
		String editPage = task(page, "Write the quarterly report")
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"))
			.getAttribute("href");
		Locator history = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("History"));
		// the history is written after each change is committed: a reload shows what was still on its way
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			page.navigate(editPage);
			assertThat(history).containsText("Completed", new LocatorAssertions.ContainsTextOptions().setTimeout(3_000));
		});
		assertThat(history).containsText("Created");
		assertThat(history).containsText("Changed");
		assertThat(history).containsText("priority: none → high");
		assertThat(history).containsText("tags: none → reports, work");
		assertThat(history).containsText("due: none → Mon 7 Jan 2030");
	}

	@Test
	void everyOpenTabShowsTheNextRecurrenceNewTasksAndRemindersWithoutReloading() {
		Page first = context.newPage();
		signUp(first);
		String token = createApiToken(first);
		openTaskList(first);
		Page second = context.newPage();
		openTaskList(second);

		// the API stands for another device: no page is reloaded from here on
		try (Api api = new Api(token)) {
			api.createTask(Map.of("title", "Water the plants", "due_at", "2030-01-07", "recurrence", "daily"));
			for (Page tab : List.of(first, second)) {
				assertThat(task(tab, "Water the plants")).containsText("Mon 7 Jan 2030");
			}

			// completing creates the next instance; every tab swaps the done one for it
			first.bringToFront();
			first.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark Water the plants as done"))
				.click();
			for (Page tab : List.of(first, second)) {
				assertThat(task(tab, "Water the plants")).hasCount(1);
				assertThat(task(tab, "Water the plants")).containsText("Tue 8 Jan 2030");
				assertThat(tab.getByRole(AriaRole.BUTTON,
						new Page.GetByRoleOptions().setName("Mark Water the plants as done")))
					.isVisible();
			}

			second.bringToFront();
			quickAdd(second, "Take out the bins");
			assertThat(task(first, "Take out the bins")).isVisible();

			// the list shows a toast and the unread count when the reminder fires
			String inAMoment = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS).toString();
			api.createTask(Map.of("title", "Call the dentist", "due_at", inAMoment, "reminders",
					List.of(Map.of("at", inAMoment))));
			for (Page tab : List.of(first, second)) {
				assertThat(tab.getByRole(AriaRole.STATUS).getByText("Your task '\u2068Call the dentist\u2069' is due"))
					.isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(15_000));
				assertThat(notificationBadge(tab)).hasText("Notifications 1");
			}
		}

		first.bringToFront();
		notificationBadge(first).click();
		Locator inbox = first.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Notifications"));
		assertThat(inbox.getByRole(AriaRole.LISTITEM)).containsText("Your task '\u2068Call the dentist\u2069' is due");
		inbox.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark all as read")).click();
		assertThat(notificationBadge(first)).hasText("Notifications 0");
	}

	/** Starts where a stranger lands and signs up; the browser's time zone is preselected. */
	private void signUp(Page page) {
		String email = "person-" + UUID.randomUUID() + "@example.com";
		page.navigate("/");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
		page.getByLabel("E-mail").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		assertThat(page.getByLabel("Time zone")).hasValue(BrowserTabs.TIME_ZONE);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox"))).isVisible();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(email))).isVisible();
		// htmx wires the page up on DOMContentLoaded, after the deferred scripts: type only once it has
		page.waitForLoadState(LoadState.LOAD);
	}

	/** Through the account page, as a person setting up a script would. */
	private String createApiToken(Page page) {
		page.getByTitle("Your account").click();
		page.getByLabel("New token name").fill("phone");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
		Locator issued = page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Copy it now"));
		assertThat(issued).isVisible();
		return issued.locator("code").textContent().strip();
	}

	/** Opens the list and waits until its live stream is connected, so no change is missed. */
	private static void openTaskList(Page page) {
		page.waitForResponse(response -> response.url().endsWith("/api/stream"), () -> page.navigate("/tasks"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox"))).isVisible();
	}

	private static void quickAdd(Page page, String title) {
		page.getByLabel("New task").fill(title);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.STATUS).getByText("Added “\u2068" + title + "\u2069”.")).isVisible();
		assertThat(task(page, title)).isVisible();
	}

	private static void showTab(Page page, String name) {
		Locator tab = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Views"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
		tab.click();
		assertThat(tab).hasAttribute("aria-current", "page");
	}

	private static Locator tasks(Page page) {
		return page.locator("#task-results").getByRole(AriaRole.LISTITEM);
	}

	private static Locator task(Page page, String title) {
		return tasks(page).filter(new Locator.FilterOptions().setHasText(title));
	}

	private static Locator notificationBadge(Page page) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications"));
	}

	/** The REST API with a personal token, as a script on another device uses it. */
	private final class Api implements AutoCloseable {

		private final APIRequestContext requests;

		Api(String token) {
			requests = tabs.api(Map.of("Authorization", "Bearer " + token));
		}

		void createTask(Map<String, Object> task) {
			assertThat(requests.post("/api/tasks", RequestOptions.create().setData(task))).isOK();
		}

		@Override
		public void close() {
			requests.dispose();
		}
	}
}
