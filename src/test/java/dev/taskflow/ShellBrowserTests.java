package dev.taskflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.taskflow.support.Accessibility;
import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shell in a real browser (Debian's Chromium via Playwright): the views, the keyboard, the themes,
 * saved views and the phone layout; axe-core (from its WebJar on the test classpath) checks every page
 * state in light and dark mode at desktop and phone width, and each state is saved as a screenshot under
 * {@code target/screenshots} for CI to keep. One browser for the class; one context per scenario.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:shell-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShellBrowserTests {

	private static final String PASSWORD = "correct horse battery staple";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs().expectingStatus(404);

	/** A person with a week of tasks, set up once through the API. */
	private String email;

	@BeforeAll
	void setUpAWeekOfTasks() throws IOException {
		email = signUpWithAWeekOfTasks();
	}

	@ParameterizedTest(name = "{0} at {1} width")
	@CsvSource({ "light, desktop", "dark, desktop", "light, phone", "dark, phone" })
	void everyPageStateHasNoSeriousAccessibilityProblem(String scheme, String width) {
		// axe is added as a script tag, which the pages' CSP would rightly refuse: only these contexts bypass it
		Page page = open(scheme, width, options -> options.setBypassCSP(true));
		String shot = width + "-" + scheme;
		List<String> problems = new ArrayList<>();

		page.navigate("/login");
		problems.addAll(check(page, "sign-in", shot));
		page.navigate("/signup");
		problems.addAll(check(page, "sign-up", shot));
		page.navigate("/login");
		signIn(page, email);

		page.navigate("/tasks");
		problems.addAll(check(page, "inbox", shot));
		page.navigate("/tasks?view=today");
		problems.addAll(check(page, "today", shot));
		page.navigate("/tasks?view=upcoming");
		problems.addAll(check(page, "upcoming", shot));
		page.navigate("/tasks?status=completed");
		problems.addAll(check(page, "completed", shot));
		page.navigate("/tasks?tag=nothing-has-this");
		page.getByText("Search and filters").click();
		problems.addAll(check(page, "no-match-with-filters-open", shot));

		page.navigate("/tasks");
		Locator row = task(page, "Plan the week");
		if ("phone".equals(width)) {
			row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Actions for Plan the week")).click();
			problems.addAll(check(page, "row-menu-open", shot));
		}
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit")).click();
		assertThat(page.locator("li.task.editing")).isVisible();
		problems.addAll(check(page, "inline-editor", shot));

		page.navigate("/tasks");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keyboard shortcuts")).click();
		assertThat(page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts")))
			.isVisible();
		problems.addAll(check(page, "shortcuts-sheet", shot));

		page.navigate("/tasks");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Notifications")).click();
		assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Notifications"))).isVisible();
		problems.addAll(check(page, "notifications-open", shot));

		String editPage = task(page, "Plan the week").locator(".actions a[href*='/edit']").getAttribute("href");
		page.navigate(editPage);
		assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("History"))).containsText("Created");
		problems.addAll(check(page, "edit-page-with-history", shot));
		page.navigate(editPage.replaceAll("/edit.*", "/history"));
		problems.addAll(check(page, "history", shot));
		page.navigate("/account");
		problems.addAll(check(page, "account", shot));
		page.navigate("/tasks/999999999/edit");
		problems.addAll(check(page, "not-found", shot));

		org.assertj.core.api.Assertions.assertThat(problems).as("serious or critical axe violations").isEmpty();
	}

	@Test
	void theKeyboardDrivesTheListAndFocusStaysOnTheTask() {
		Page page = open("light", "desktop", options -> {
		});
		signUpThroughThePages(page);
		shortcutsReady(page);
		Locator quickAdd = page.getByLabel("New task");
		assertThat(quickAdd).isFocused();
		assertThat(page.getByText("Type it the way you would say it")).isVisible();

		quickAdd.fill("First");
		quickAdd.press("Enter");
		assertThat(task(page, "First")).isVisible();
		assertThat(quickAdd).isFocused();
		quickAdd.fill("Second");
		quickAdd.press("Enter");
		assertThat(task(page, "Second")).isVisible();
		assertThat(quickAdd).hasValue("");
		assertThat(quickAdd).isFocused();
		page.keyboard().press("Escape");
		assertThat(quickAdd).not().isFocused();

		page.keyboard().press("j");
		Locator first = page.locator("#task-results li.task").first();
		assertThat(first).isFocused();
		page.keyboard().press("j");
		Locator second = page.locator("#task-results li.task").nth(1);
		assertThat(second).isFocused();
		page.keyboard().press("k");
		assertThat(first).isFocused();
		String firstTitle = page.locator("#task-results li.task:focus").getAttribute("data-task-title");

		page.keyboard().press("e");
		Locator titleField = page.locator("li.task.editing input[name=title]");
		assertThat(titleField).isFocused();
		assertThat(titleField).hasValue(firstTitle);
		page.keyboard().press("Escape");
		assertThat(page.locator("li.task.editing")).hasCount(0);
		Locator row = page.locator("#task-results li.task").filter(new Locator.FilterOptions().setHasText(firstTitle));
		assertThat(row).isFocused();

		page.keyboard().press("#");
		assertThat(page.locator("li.task.editing input[name=tags]")).isFocused();
		page.keyboard().type("home");
		page.keyboard().press("Enter");
		assertThat(row).containsText("#home");
		assertThat(row).isFocused();

		page.keyboard().press("x");
		assertThat(row).hasClass(java.util.regex.Pattern.compile("\\bcompleted\\b"));
		assertThat(row).isFocused();

		page.keyboard().press("/");
		assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search"))).isFocused();
		page.keyboard().press("Escape");
		page.keyboard().press("Escape");
		assertThat(page.getByRole(AriaRole.SEARCHBOX, new Page.GetByRoleOptions().setName("Search"))).isHidden();

		page.keyboard().press("?");
		Locator sheet = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
		assertThat(sheet).isVisible();
		page.keyboard().press("Escape");
		assertThat(sheet).isHidden();

		page.keyboard().press("t");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today"))).isVisible();
		shortcutsReady(page);
		page.keyboard().press("u");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Upcoming"))).isVisible();
		shortcutsReady(page);
		page.keyboard().press("n");
		assertThat(page.getByLabel("New task")).isFocused();
	}

	@Test
	void theKeysWorkOnARowsSelectionBoxWhereSpaceStillTicksIt() {
		Page page = open("light", "desktop", options -> {
		});
		signUpThroughThePages(page);
		shortcutsReady(page);
		Locator quickAdd = page.getByLabel("New task");
		quickAdd.fill("Water the plants");
		quickAdd.press("Enter");
		assertThat(task(page, "Water the plants")).isVisible();
		quickAdd.fill("Pay the rent");
		quickAdd.press("Enter");
		assertThat(task(page, "Pay the rent")).isVisible();
		Locator first = tasks(page).first();
		Locator second = tasks(page).nth(1);

		first.locator("[data-bulk-select]").focus();
		page.keyboard().press(" ");
		assertThat(first.locator("[data-bulk-select]")).isChecked();
		page.keyboard().press("j");
		assertThat(second).isFocused();

		second.locator("[data-bulk-select]").focus();
		page.keyboard().press("x");
		assertThat(second).hasClass(java.util.regex.Pattern.compile("\\bcompleted\\b"));

		first.locator("[data-bulk-select]").focus();
		page.keyboard().press("e");
		assertThat(page.locator("li.task.editing input[name=title]")).isFocused();
	}

	@Test
	void undoInAToastGivesFocusBackToTheReopenedTask() {
		Page page = open("light", "desktop", options -> {
		});
		signUpThroughThePages(page);
		shortcutsReady(page);
		Locator quickAdd = page.getByLabel("New task");
		quickAdd.fill("Renew the library books");
		quickAdd.press("Enter");
		Locator row = task(page, "Renew the library books");
		assertThat(row).isVisible();
		page.keyboard().press("Escape");
		page.keyboard().press("j");
		assertThat(row).isFocused();

		page.keyboard().press("x");
		assertThat(row).hasClass(java.util.regex.Pattern.compile("\\bcompleted\\b"));
		page.keyboard().press("Shift+Tab");
		Locator undo = page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Undo completing Renew the library books"));
		undo.focus();
		page.keyboard().press("Enter");

		assertThat(undo).hasCount(0);
		assertThat(row).not().hasClass(java.util.regex.Pattern.compile("\\bcompleted\\b"));
		assertThat(row).isFocused();
	}

	@Test
	void theThemeFollowsTheSystemUntilTheSwitchPicksOneAndTheAppShellIsCachedForInstalling() {
		Page page = open("dark", "desktop", options -> options.setServiceWorkers(ServiceWorkerPolicy.ALLOW));
		page.navigate("/login");
		signIn(page, email);
		assertThat(page.locator("body")).hasCSS("background-color", "rgb(19, 21, 25)");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the light theme")).click();
		assertThat(page.locator("body")).hasCSS("background-color", "rgb(246, 247, 249)");
		page.reload();
		assertThat(page.locator("html")).hasAttribute("data-theme", "light");
		assertThat(page.locator("body")).hasCSS("background-color", "rgb(246, 247, 249)");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the dark theme")).click();
		assertThat(page.locator("body")).hasCSS("background-color", "rgb(19, 21, 25)");

		Object worker = page.evaluate("() => navigator.serviceWorker.ready.then(r => r.active.scriptURL)");
		org.assertj.core.api.Assertions.assertThat(String.valueOf(worker)).endsWith("/sw.js");
		Object cached = page.evaluate("() => caches.open('taskflow-shell-v1').then(c => c.match('/css/shell.css')).then(r => !!r)");
		org.assertj.core.api.Assertions.assertThat(cached).isEqualTo(true);
	}

	@Test
	void aFilterIsSavedAsANamedViewWithItsCountInTheMenu() {
		Page page = open("light", "desktop", options -> {
		});
		page.navigate("/login");
		signIn(page, email);
		page.getByText("Search and filters").click();
		page.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true)).selectOption("high");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
		assertThat(tasks(page)).hasCount(1);

		String name = "Urgent " + UUID.randomUUID().toString().substring(0, 6);
		page.getByLabel("Save this list as a view").fill(name);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save view")).click();
		Locator views = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Views"));
		Locator saved = views.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name));
		assertThat(saved).hasAttribute("aria-current", "page");
		assertThat(saved).containsText("1");

		views.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Inbox")).click();
		assertThat(tasks(page)).hasCount(5);
		saved.click();
		assertThat(tasks(page)).hasCount(1);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the saved view " + name)).click();
		assertThat(saved).hasCount(0);
	}

	@Test
	void signingInReturnsToThePageAskedFor() {
		Page page = open("light", "phone", options -> {
		});
		page.navigate("/tasks?view=upcoming");
		signIn(page, email);
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Upcoming"))).isVisible();
		org.assertj.core.api.Assertions.assertThat(page.url()).contains("view=upcoming");

		// a phone: the quick add sits at the bottom of the screen, the row's actions behind its menu button
		page.navigate("/tasks");
		double viewport = page.viewportSize().height;
		double quickAddBottom = page.locator("form.quick-add").boundingBox().y
				+ page.locator("form.quick-add").boundingBox().height;
		org.assertj.core.api.Assertions.assertThat(quickAddBottom).isGreaterThan(viewport - 40);
		Locator row = task(page, "Plan the week");
		Locator edit = row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit"));
		assertThat(edit).isHidden();
		row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Actions for Plan the week")).click();
		assertThat(edit).isVisible();
		page.keyboard().press("Escape");
		assertThat(edit).isHidden();
	}

	// ---- helpers ----

	/**
	 * Quick add keeps the focus in the field for the next task, but only if the person is still there
	 * when the answer comes: Esc before a slow answer, and the answer (or a live refresh of the list
	 * that arrives first) does not pull them back in.
	 */
	@Test
	void escBeforeASlowQuickAddAnswerLeavesTheFieldForGood() {
		Page page = open("light", "desktop", options -> {
		});
		signUpThroughThePages(page);
		shortcutsReady(page);
		AtomicReference<Route> held = new AtomicReference<>();
		page.route(url -> url.endsWith("/tasks"), route -> {
			if ("POST".equals(route.request().method())) {
				held.set(route); // answered below, once the person has left the field
			}
			else {
				route.resume();
			}
		});
		Locator quickAdd = page.getByLabel("New task");

		quickAdd.fill("Slow one");
		quickAdd.press("Enter");
		page.waitForCondition(() -> held.get() != null);
		page.keyboard().press("Escape");
		assertThat(quickAdd).not().isFocused();
		page.evaluate("""
				() => { window.quickAddSettled = false;
				  document.addEventListener('htmx:afterSettle', e => {
				    if (e.detail.requestConfig && e.detail.requestConfig.verb === 'post') window.quickAddSettled = true; }); }""");
		held.get().resume();
		page.waitForFunction("() => window.quickAddSettled === true");

		assertThat(task(page, "Slow one")).isVisible();
		assertThat(quickAdd).not().isFocused();
	}

	private Page open(String scheme, String width, Consumer<Browser.NewContextOptions> more) {
		Consumer<Browser.NewContextOptions> size = "phone".equals(width) ? BrowserTabs.PHONE : options -> {
		};
		Page page = tabs.context(size.andThen(options -> options
			.setColorScheme("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT)
			.setServiceWorkers(ServiceWorkerPolicy.BLOCK)).andThen(more)).newPage();
		if (Boolean.getBoolean("taskflow.test.trace-focus")) {
			page.onConsoleMessage(message -> System.err.println("page: " + message.text()));
			page.addInitScript("['focusin', 'htmx:beforeRequest', 'htmx:afterSettle'].forEach(t => document.addEventListener(t,"
					+ " e => console.log(t + ' ' + e.target.tagName + '#' + e.target.id + ' active=' + (document.activeElement || {}).id), true))");
		}
		return page;
	}

	/** Runs axe on the page as it is and saves a screenshot; returns the serious and critical violations. */
	private static List<String> check(Page page, String state, String shot) {
		return Accessibility.check(page, state + "-" + shot, state + " [" + shot + "]");
	}

	/** shell.js marks the page once its key handlers listen; a key pressed before that does nothing. */
	private static void shortcutsReady(Page page) {
		assertThat(page.locator("html")).hasClass(java.util.regex.Pattern.compile("\\bjs\\b"));
	}

	private static void signIn(Page page, String email) {
		page.getByLabel("E-mail").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
		assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Views"))).isVisible();
	}

	private static void signUpThroughThePages(Page page) {
		page.navigate("/signup");
		page.getByLabel("E-mail").fill("keys-" + UUID.randomUUID() + "@example.com");
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Inbox"))).isVisible();
	}

	private static Locator tasks(Page page) {
		return page.locator("#task-results li.task");
	}

	private static Locator task(Page page, String title) {
		return tasks(page).filter(new Locator.FilterOptions().setHasText(title));
	}

	/** Signs a person up through the API and gives them overdue, today's, this week's, undated and done tasks. */
	private String signUpWithAWeekOfTasks() {
		String person = "week-" + UUID.randomUUID() + "@example.com";
		APIRequestContext anonymous = tabs.api(Map.of());
		try {
			ok(anonymous.post("/api/accounts", RequestOptions.create()
				.setData(Map.of("email", person, "password", PASSWORD, "time_zone", BrowserTabs.TIME_ZONE))));
			String basic = java.util.Base64.getEncoder()
				.encodeToString((person + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
			JsonNode token = JSON.readTree(ok(anonymous.post("/api/tokens", RequestOptions.create()
				.setHeader("Authorization", "Basic " + basic)
				.setData(Map.of("name", "browser tests")))).text());
			APIRequestContext api = tabs.api(Map.of("Authorization", "Bearer " + token.get("token").asString()));
			LocalDate today = LocalDate.now(ZoneId.of(BrowserTabs.TIME_ZONE));
			create(api, Map.of("title", "Pay the electricity bill", "priority", "high", "due_at", today.minusDays(2).toString(),
					"tags", List.of("home")));
			create(api, Map.of("title", "Plan the week", "priority", "medium", "due_at", today.toString(),
					"description", "Look at the calendar first", "tags", List.of("work", "planning")));
			create(api, Map.of("title", "Water the plants", "priority", "low", "due_at", today.plusDays(1).toString(),
					"recurrence", "daily"));
			create(api, Map.of("title", "Dentist", "due_at", today.plusDays(3) + "T09:30:00"));
			create(api, Map.of("title", "Learn the cello"));
			JsonNode done = JSON.readTree(create(api, Map.of("title", "Renew the passport")));
			ok(api.post("/api/tasks/" + done.get("id").asLong() + "/complete"));
			api.dispose();
			return person;
		}
		finally {
			anonymous.dispose();
		}
	}

	private static String create(APIRequestContext api, Map<String, Object> task) {
		return ok(api.post("/api/tasks", RequestOptions.create().setData(task))).text();
	}

	private static APIResponse ok(APIResponse response) {
		if (!response.ok()) {
			fail(response.url() + " answered " + response.status() + ": " + response.text());
		}
		return response;
	}
}
