package dev.taskflow;

import java.util.List;
import java.util.function.Consumer;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;
import dev.taskflow.support.JourneySteps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The assistant's panel in a real browser: its button is reachable on touch screens next to the
 * bottom-fixed quick add, a reply in the panel meets WCAG AA contrast in both themes (axe-core with the
 * panel open, which the page-state runs in {@link ShellBrowserTests} cannot see), and Esc gives focus
 * back to the control that opened the panel or the shortcuts sheet.
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:assistant-panel-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class AssistantPanelJourneyTests {

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@ParameterizedTest(name = "{0}x{1}")
	@CsvSource({ "390, 844", "768, 1024" })
	void onTouchScreensTheAssistantButtonIsNotCoveredByTheQuickAdd(int width, int height) {
		Page page = tabs.context(BrowserTabs.PHONE.andThen(options -> options.setViewportSize(width, height)))
			.newPage();
		JourneySteps.signUp(page);
		Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Assistant")));

		org.assertj.core.api.Assertions.assertThat(topmostAtCentre(page, "button.chat-toggle"))
			.as("the element at the Assistant button's centre").isEqualTo("BUTTON.chat-toggle");
		button.click();
		Locator panel = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Assistant"));
		assertThat(panel).isVisible();
		assertThat(page.locator("#chat-input")).isFocused();
		org.assertj.core.api.Assertions.assertThat(topmostAtCentre(page, "#chat-input"))
			.as("the element at the message field's centre").isEqualTo("INPUT");
		page.locator("#chat-input").fill("add Buy oat milk #errands");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
		assertThat(panel.locator(".chat-assistant").last()).containsText("Added #");
		// and the quick add is still there to be used
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close the assistant")).click();
		assertThat(panel).isHidden();
		page.getByLabel("New task").click();
		assertThat(page.getByLabel("New task")).isFocused();
	}

	@ParameterizedTest(name = "{0} at {1} width")
	@CsvSource({ "light, desktop", "dark, desktop", "dark, phone" })
	void aReplyInTheOpenPanelMeetsContrastInBothThemes(String scheme, String width) {
		// axe is added as a script tag, which the pages' CSP would rightly refuse: only this context bypasses it
		Consumer<Browser.NewContextOptions> size = "phone".equals(width) ? BrowserTabs.PHONE : options -> {
		};
		Page page = tabs.context(size.andThen(options -> options.setBypassCSP(true)
				.setColorScheme("dark".equals(scheme) ? ColorScheme.DARK : ColorScheme.LIGHT)))
			.newPage();
		JourneySteps.signUp(page);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Assistant"))).click();
		Locator panel = page.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Assistant"));
		page.locator("#chat-input").fill("add Buy oat milk #errands");
		page.locator("#chat-input").press("Enter");
		assertThat(panel.locator(".chat-assistant").last()).containsText("Added #");
		assertThat(panel.locator("a.chat-chip")).hasCount(1);

		List<String> problems = JourneySteps.axe(page, "assistant-reply", "phone".equals(width) ? "phone-" + scheme : scheme);
		org.assertj.core.api.Assertions.assertThat(problems).as("serious or critical axe violations").isEmpty();
	}

	@Test
	void escGivesFocusBackToTheControlThatOpenedThePanelOrTheSheet() {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		Locator assistant = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Assistant")));
		assistant.click();
		assertThat(page.locator("#chat-input")).isFocused();
		page.keyboard().press("Escape");
		assertThat(page.locator("#chat-panel")).isHidden();
		assertThat(assistant).isFocused();

		// opened with "c" from a task row: focus goes back to the row
		JourneySteps.quickAdd(page, "Feed the cat", "Feed the cat");
		page.keyboard().press("Escape");
		page.keyboard().press("j");
		Locator row = JourneySteps.task(page, "Feed the cat");
		assertThat(row).isFocused();
		page.keyboard().press("c");
		assertThat(page.locator("#chat-input")).isFocused();
		page.keyboard().press("Escape");
		assertThat(row).isFocused();

		Locator shortcuts = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
		shortcuts.click();
		Locator sheet = page.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Keyboard shortcuts"));
		assertThat(sheet).isVisible();
		page.keyboard().press("Escape");
		assertThat(sheet).isHidden();
		assertThat(shortcuts).isFocused();

		row.focus();
		page.keyboard().press("?");
		assertThat(sheet).isVisible();
		page.keyboard().press("Escape");
		assertThat(sheet).isHidden();
		assertThat(row).isFocused();
	}

	/** The tag and class of the topmost element at the centre of the element {@code selector} finds. */
	private static String topmostAtCentre(Page page, String selector) {
		return (String) page.evaluate("""
				selector => {
				  const box = document.querySelector(selector).getBoundingClientRect();
				  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
				  const hit = top.closest(selector) ? document.querySelector(selector) : top;
				  return hit.tagName + (hit.classList.length && hit.tagName !== 'INPUT' ? '.' + hit.classList[0] : '');
				}""", selector);
	}
}
