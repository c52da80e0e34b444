package dev.taskflow;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
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
 * Quick add in a real browser: its live preview asks without the CSRF token in the URL (where access
 * logs and Referer headers would keep it), and a long unbroken title or tag wraps instead of making a
 * phone's page scroll sideways (the preview, the "Added" notice, the row's tag).
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:quick-add-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class QuickAddJourneyTests {

	private static final String URL_TITLE = "https://example.com/a/very/long/path/without/any/place/to/break/"
			+ "x".repeat(60);

	private static final String TAG = "averyveryverylongtagwithoutbreaks0123456";

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@Test
	void thePreviewRequestCarriesNoCsrfToken() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		Locator field = page.getByLabel("New task");

		Request preview = page.waitForRequest(request -> request.url().contains("/tasks/quick-add/preview"),
				() -> field.fill("Call the dentist tomorrow #health"));

		org.assertj.core.api.Assertions.assertThat(preview.url()).contains("title=").doesNotContain("_csrf");
		assertThat(page.locator("#quick-add-preview")).containsText("#health");
		// the add itself still carries the token, in its body and header, and goes through
		field.press("Enter");
		assertThat(JourneySteps.task(page, "Call the dentist")).isVisible();
	}

	@Test
	void aLongUnbrokenTitleAndTagDoNotWidenAPhonesPage() {
		Page page = tabs.context(BrowserTabs.PHONE).newPage();
		JourneySteps.signUp(page);
		Locator field = page.getByLabel("New task");

		field.fill(URL_TITLE + " #" + TAG);
		assertThat(page.locator("#quick-add-preview")).containsText("#" + TAG);
		assertFitsTheScreen(page, "the quick-add preview");

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
		assertThat(JourneySteps.task(page, "https://example.com")).isVisible();
		assertThat(page.locator("main .notice")).containsText("Added");
		assertFitsTheScreen(page, "the list with the \"Added\" notice");

		page.navigate("/tasks");
		assertThat(JourneySteps.task(page, "https://example.com")).containsText("#" + TAG);
		assertFitsTheScreen(page, "the row and its tag");
	}

	/**
	 * The field's maxlength counts UTF-16 units, two for an emoji: a title of 150 emoji goes in whole, and
	 * a longer one than the server takes is explained, not cut short without a word.
	 */
	@Test
	void aTitleOfEmojiWithinTheLimitGoesInWholeAndALongerOneIsExplained() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		String title = "🥛".repeat(150);

		page.getByLabel("New task").fill(title);
		assertThat(page.getByLabel("New task")).hasValue(title);
		page.getByLabel("New task").press("Enter");
		assertThat(JourneySteps.task(page, title)).isVisible();

		page.getByLabel("New task").fill("🍞".repeat(201));
		page.getByLabel("New task").press("Enter");
		assertThat(page.locator("#new-title-error")).containsText("at most 200 characters");
	}

	private static void assertFitsTheScreen(Page page, String what) {
		// a phone's window grows to fit a page that is too wide (and zooms out), so compare with the screen's width
		int screen = page.viewportSize().width;
		Object width = page.evaluate("() => document.documentElement.scrollWidth");
		org.assertj.core.api.Assertions.assertThat(((Number) width).intValue())
			.as("page width with " + what + " (the screen is " + screen + " wide)")
			.isLessThanOrEqualTo(screen);
	}
}
