package dev.taskflow;


import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The repeat editor in a real browser (Debian's Chromium through Playwright): a rule put together from
 * the fields, described and previewed by htmx as they change, saved, and shown on the task's row;
 * axe-core checks the form in light and dark. Screenshots go to {@code target/screenshots}.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:repeat-editor-journeys-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class RepeatEditorJourneyTests {

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@ParameterizedTest
	@ValueSource(strings = { "light", "dark" })
	void aRuleBuiltInTheEditorIsDescribedPreviewedSavedAndShownOnTheRow(String scheme) {
		Page page = context("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT, true, 1280, 800).newPage();
		signUp(page);
		quickAdd(page, "Water the ferns", "Water the ferns");
		String rowId = task(page, "Water the ferns").getAttribute("id");

		page.navigate("/tasks/" + rowId.substring("task-".length()) + "/edit");
		page.locator("input[name=dueDate]").fill("2030-01-14");
		page.locator("select[name=repeat]").selectOption("custom");
		page.locator("input[name=repeatEvery]").fill("2");
		page.locator("input[name=repeatEvery]").dispatchEvent("change");
		page.locator("select[name=repeatUnit]").selectOption("weeks");
		page.locator("input[name=repeatDays][value=MO]").check();
		page.locator("input[name=repeatDays][value=WE]").check();
		page.locator("input[name=repeatCount]").fill("8");
		page.locator("input[name=repeatCount]").dispatchEvent("change");

		Locator preview = page.locator(".repeat-preview");
		assertThat(preview).containsText("Every 2 weeks on Mon and Wed, 8 times");
		assertThat(preview).containsText("Wed 16 Jan 2030, Mon 28 Jan 2030, Wed 30 Jan 2030");
		org.assertj.core.api.Assertions.assertThat(axe(page, "repeat-editor", scheme)).isEmpty();

		page.locator("input[name=repeatEvery]").fill("0");
		page.locator("input[name=repeatEvery]").dispatchEvent("change");
		assertThat(preview).containsText("must be a whole number from 1 to 1000");
		page.locator("input[name=repeatEvery]").fill("2");
		page.locator("input[name=repeatEvery]").dispatchEvent("change");
		assertThat(preview).containsText("Every 2 weeks on Mon and Wed, 8 times");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(task(page, "Water the ferns").locator(".repeats"))
			.hasAttribute("title", "Every 2 weeks on Mon and Wed, 8 times");
	}

	@ParameterizedTest
	@CsvSource({ "light, 1280", "dark, 1280", "light, 390", "dark, 390" })
	void aMonthlyRuleOnTheLastFridayIsPreviewedAndSaved(String scheme, int width) {
		Page page = context("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT, true, width, 844).newPage();
		signUp(page);
		quickAdd(page, "Pay the team", "Pay the team");
		String rowId = task(page, "Pay the team").getAttribute("id");

		page.navigate("/tasks/" + rowId.substring("task-".length()) + "/edit");
		// htmx previews every change; the button is for pages without JavaScript
		assertThat(page.locator(".preview-button")).isHidden();
		page.locator("input[name=dueDate]").fill("2030-01-25");
		page.locator("select[name=repeat]").selectOption("custom");
		page.locator("select[name=repeatUnit]").selectOption("months");
		page.getByLabel("the", new Page.GetByLabelOptions().setExact(true)).check();
		page.getByLabel("Which week of the month").selectOption("-1");
		page.getByLabel("Weekday", new Page.GetByLabelOptions().setExact(true)).selectOption("FR");

		Locator preview = page.locator(".repeat-preview");
		assertThat(preview).containsText("Every month on the last Fri");
		assertThat(preview).containsText("Fri 22 Feb 2030, Fri 29 Mar 2030, Fri 26 Apr 2030");
		String state = width < 600 ? "phone-" + scheme : scheme;
		org.assertj.core.api.Assertions.assertThat(axe(page, "repeat-monthly", state)).isEmpty();
		org.assertj.core.api.Assertions.assertThat((Boolean) page.evaluate(
				"() => document.documentElement.scrollWidth <= window.innerWidth"))
			.as("no sideways scrolling")
			.isTrue();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
		assertThat(task(page, "Pay the team").locator(".repeats")).hasAttribute("title", "Every month on the last Fri");
	}

	private BrowserContext context(ColorScheme scheme, boolean forAxe, int width, int height) {
		// axe is added as a script tag, which the pages' CSP would rightly refuse: only its contexts bypass it
		return tabs.context(options -> options.setColorScheme(scheme)
			.setViewportSize(width, height)
			.setServiceWorkers(ServiceWorkerPolicy.BLOCK)
			.setBypassCSP(forAxe));
	}
}
