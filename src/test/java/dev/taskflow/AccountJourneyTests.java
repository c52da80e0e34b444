package dev.taskflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.LoadState;
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
import static dev.taskflow.support.JourneySteps.PASSWORD;
import static dev.taskflow.support.JourneySteps.axe;
import static dev.taskflow.support.JourneySteps.quickAdd;
import static dev.taskflow.support.JourneySteps.signUp;
import static dev.taskflow.support.JourneySteps.task;

/**
 * The account features in a real browser (Debian's Chromium through Playwright): changing the password
 * and signing in with the new one, exporting tasks and importing the file as another person, and two tabs
 * editing one task; axe-core checks the account page, the import page with a refused file and the
 * two-tab comparison in light and dark. Screenshots go to {@code target/screenshots} (every checked
 * state) and {@code target/browser-journeys} (a failure).
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:account-journeys-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class AccountJourneyTests {

	private static final String NEW_PASSWORD = "purple elephant reading maps";

	private static final Path BUILD = Paths.get(System.getProperty("taskflow.build.dir", "target"));

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@Test
	void aChangedPasswordIsTheOneToSignInWith() {
		Page page = context(ColorScheme.LIGHT, false).newPage();
		String email = signUp(page);

		page.navigate("/account");
		page.locator("#current-password").fill(PASSWORD);
		page.locator("#new-password").fill("password123");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
		assertThat(page.locator("#new-password-error")).containsText("New password is one of the most common passwords");
		assertThat(page.locator("#new-password")).hasAttribute("aria-invalid", "true");

		page.locator("#current-password").fill(PASSWORD);
		page.locator("#new-password").fill(NEW_PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your password is changed.");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		signIn(page, email, PASSWORD);
		assertThat(page.getByText("Wrong e-mail or password.")).isVisible();
		signIn(page, email, NEW_PASSWORD);
		assertThat(page.getByLabel("New task")).isVisible();
	}

	@Test
	void exportedTasksCanBeImportedByAnotherPerson() throws IOException {
		Page page = context(ColorScheme.LIGHT, false).newPage();
		signUp(page);
		quickAdd(page, "Renew the passport #admin p1", "Renew the passport");
		quickAdd(page, "Water the plants every monday", "Water the plants");

		page.navigate("/account/data");
		Download download = page.waitForDownload(
				() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download JSON")).click());
		Path file = BUILD.resolve("browser-journeys").resolve("export-" + UUID.randomUUID() + ".json");
		download.saveAs(file);
		org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).matches("taskflow-tasks-.*\\.json");
		org.assertj.core.api.Assertions.assertThat(Files.readString(file)).contains("Renew the passport");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		signUp(page);
		page.navigate("/account/data");
		page.getByLabel("File to import").setInputFiles(file);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.STATUS)).hasText("Imported 2 tasks.");

		page.navigate("/tasks?status=all");
		assertThat(task(page, "Renew the passport")).containsText("#admin");
		assertThat(task(page, "Water the plants")).isVisible();
	}

	@Test
	void theSecondTabToSaveSeesWhatChangedAndChoosesWithoutUndoingTheFirst() {
		BrowserContext context = context(ColorScheme.LIGHT, false);
		Page first = context.newPage();
		signUp(first);
		quickAdd(first, "Plan the party", "Plan the party");
		Page second = context.newPage();
		second.navigate("/tasks");
		second.waitForLoadState(LoadState.LOAD);

		openEditor(first, "Plan the party");
		openEditor(second, "Plan the party");
		first.locator("li.editing").getByLabel("Title").fill("Plan the birthday party");
		first.locator("li.editing").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(task(first, "Plan the birthday party")).isVisible();

		Locator editor = second.locator("li.editing");
		editor.getByLabel("Title").fill("Plan the garden party");
		editor.getByLabel("Priority").selectOption("high");
		editor.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();

		Locator conflict = second.locator(".conflict");
		assertThat(conflict).containsText("This task was changed somewhere else");
		assertThat(conflict.locator("tr[data-field=title]")).containsText("Plan the birthday party");
		assertThat(conflict.locator("tr[data-field=title]")).containsText("Plan the garden party");
		assertThat(conflict.locator("tr[data-field=priority]")).hasCount(0);
		second.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(BUILD.resolve("screenshots").resolve("two-tab-conflict.png")));

		conflict.getByLabel("Title, keep the other change:").check();
		second.locator("li.editing").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();

		Locator saved = task(second, "Plan the birthday party");
		assertThat(saved).isVisible();
		assertThat(saved.locator(".check.p-high")).hasCount(1);
		assertThat(second.locator(".conflict")).hasCount(0);
		first.reload();
		assertThat(task(first, "Plan the birthday party")).isVisible();
		assertThat(task(first, "Plan the garden party")).hasCount(0);
	}

	@Test
	void aTokenIsRevokedInTwoStepsWithoutADialog() {
		Page page = context(ColorScheme.LIGHT, false).newPage();
		List<String> dialogs = new ArrayList<>();
		page.onDialog(dialog -> {
			dialogs.add(dialog.message());
			dialog.dismiss();
		});
		signUp(page);
		page.navigate("/account");
		page.getByLabel("New token name").fill("laptop");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
		assertThat(page.locator("#new-token")).containsText("tf_");

		Locator revoke = page.getByRole(AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Revoke “laptop”: programs using it stop working"));
		assertThat(revoke).isHidden();
		page.getByText("Revoke…").click();
		revoke.click();

		assertThat(page.getByRole(AriaRole.STATUS)).containsText("The token is revoked");
		assertThat(page.getByText("You have no API tokens.")).isVisible();
		org.assertj.core.api.Assertions.assertThat(dialogs).as("browser dialogs").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "light", "dark" })
	void theAccountPagesHaveNoSeriousAccessibilityProblem(String scheme) throws IOException {
		BrowserContext context = context("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT, true);
		Page page = context.newPage();
		signUp(page);
		List<String> problems = new ArrayList<>();

		page.navigate("/account");
		page.getByLabel("New token name").fill("laptop");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
		page.getByText("Revoke…").click();
		page.locator("#delete-password").fill("not my password");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete my account and all its data")).click();
		assertThat(page.locator("#delete-password-error")).isVisible();
		problems.addAll(axe(page, "account-refused", scheme));

		page.navigate("/account/data");
		Path bad = Files.createTempFile("tasks", ".csv");
		Files.writeString(bad, "title,due_at\nFine,\nBroken,next week\n");
		page.getByLabel("File to import").setInputFiles(bad);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Import").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Row 2");
		problems.addAll(axe(page, "import-refused", scheme));

		quickAdd(page, "Call Sam", "Call Sam");
		Page other = context.newPage();
		other.navigate("/tasks");
		other.waitForLoadState(LoadState.LOAD);
		openEditor(page, "Call Sam");
		openEditor(other, "Call Sam");
		other.locator("li.editing").getByLabel("Title").fill("Call Sam today");
		other.locator("li.editing").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(task(other, "Call Sam today")).isVisible();
		page.locator("li.editing").getByLabel("Title").fill("Call Sam and Kim");
		page.locator("li.editing").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save")).click();
		assertThat(page.locator(".conflict")).isVisible();
		problems.addAll(axe(page, "edit-conflict", scheme));

		org.assertj.core.api.Assertions.assertThat(problems).as("serious or critical axe violations").isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "light", "dark" })
	void theAccountPagesWorkAtPhoneWidth(String scheme) {
		BrowserContext context = tabs.context(BrowserTabs.PHONE.andThen(options -> options
			.setColorScheme("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT)
			.setServiceWorkers(ServiceWorkerPolicy.BLOCK)
			.setBypassCSP(true)));
		Page page = context.newPage();
		signUp(page);
		List<String> problems = new ArrayList<>();

		page.navigate("/account");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your account").setExact(true))).isVisible();
		problems.addAll(axe(page, "account", "phone-" + scheme));
		page.navigate("/account/data");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download JSON"))).isVisible();
		problems.addAll(axe(page, "import-export", "phone-" + scheme));

		org.assertj.core.api.Assertions.assertThat(problems).as("serious or critical axe violations").isEmpty();
		org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
				"() => document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling")
			.isTrue();
	}

	private BrowserContext context(ColorScheme scheme, boolean forAxe) {
		// axe is added as a script tag, which the pages' CSP would rightly refuse: only its contexts bypass it
		return tabs.context(options -> options.setColorScheme(scheme)
			.setAcceptDownloads(true)
			.setServiceWorkers(ServiceWorkerPolicy.BLOCK)
			.setBypassCSP(forAxe));
	}

	private static void signIn(Page page, String email, String password) {
		page.navigate("/login");
		page.getByLabel("E-mail").fill(email);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
	}

	private static void openEditor(Page page, String title) {
		Locator row = task(page, title);
		row.hover();
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Edit")).click();
		assertThat(page.locator("li.editing").getByLabel("Title")).isVisible();
	}
}
