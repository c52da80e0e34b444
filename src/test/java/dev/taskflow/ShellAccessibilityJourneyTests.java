package dev.taskflow;

import java.util.ArrayList;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;
import com.microsoft.playwright.options.ForcedColors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;
import dev.taskflow.support.JourneySteps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.taskflow.support.JourneySteps.quickAdd;
import static dev.taskflow.support.JourneySteps.task;

/**
 * The shell for people who do not see it the usual way, in Chromium: without JavaScript (nothing shows
 * that does nothing, notifications still readable), with the toasts and the deleted-row note on screen
 * (axe-core, light and dark), zoomed to 200 % (640 × 450 CSS pixels: focus never hidden under the
 * fixed bars, WCAG 2.4.11) and in forced colours (a visible focus in quick add).
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:shell-a11y-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1" })
class ShellAccessibilityJourneyTests {

	/** What is on top of a point of the focused element, unless the element itself: the bars that cover it. */
	private static final String COVERING_BARS = """
			() => {
			  const focused = document.activeElement;
			  const box = focused.getBoundingClientRect();
			  const bars = [...document.querySelectorAll('.site-header, .views, .quick-add, .chat-toggle')]
			    .filter(bar => /fixed|sticky/.test(getComputedStyle(bar).position));
			  return bars.filter(bar => {
			      const area = bar.getBoundingClientRect();
			      return box.bottom > area.top && box.top < area.bottom && box.right > area.left && box.left < area.right;
			    })
			    .map(bar => bar.className + ' over ' + (focused.getAttribute('aria-label') || focused.id || focused.tagName));
			}""";

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs();

	@Test
	void withoutJavaScriptTheAssistantButtonIsNotShownAndTheBellOpensTheNotifications() {
		Page page = tabs.context(options -> options.setJavaScriptEnabled(false)).newPage();
		JourneySteps.signUp(page);

		assertThat(page.locator(".chat-toggle")).isHidden();
		Locator bell = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications: 0 unread"));
		assertThat(bell).isVisible();
		bell.click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Notifications"))).isVisible();
		assertThat(page.getByText("No notifications yet.")).isVisible();
	}

	@ParameterizedTest
	@EnumSource(value = ColorScheme.class, names = { "LIGHT", "DARK" })
	void theUndoToastsAndTheDeletedRowsNoteHaveNoSeriousAccessibilityProblem(ColorScheme scheme) {
		// axe is added as a script tag, which the pages' CSP would rightly refuse: only this context bypasses it
		Page page = tabs.context(options -> options.setColorScheme(scheme).setBypassCSP(true)).newPage();
		JourneySteps.signUp(page);
		quickAdd(page, "Water the plants", "Water the plants");
		quickAdd(page, "Pay the rent", "Pay the rent");

		Locator rent = task(page, "Pay the rent");
		rent.hover();
		rent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete Pay the rent")).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo deleting Pay the rent")))
			.isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark Water the plants as done")).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Undo completing Water the plants")))
			.isVisible();

		String name = scheme.name().toLowerCase();
		org.assertj.core.api.Assertions.assertThat(JourneySteps.axe(page, "undo-toasts", name))
			.as("serious or critical axe violations")
			.isEmpty();
	}

	@Test
	void atTwiceTheZoomFocusIsNeverUnderTheFixedBars() {
		Page page = tabs.context(options -> options.setViewportSize(640, 450)).newPage();
		JourneySteps.signUp(page);
		for (int i = 1; i <= 8; i++) {
			quickAdd(page, "Task number " + i, "Task number " + i);
		}
		page.keyboard().press("Escape");
		List<String> covered = new ArrayList<>();

		for (int i = 0; i < 8; i++) {
			page.keyboard().press("j");
			covered.addAll(coveringBars(page));
		}
		for (int i = 0; i < 7; i++) {
			page.keyboard().press("k");
			covered.addAll(coveringBars(page));
		}
		task(page, "Task number 1").locator("[data-bulk-select]").focus();
		for (int i = 0; i < 30; i++) {
			page.keyboard().press("Tab");
			if ((Boolean) page.evaluate("() => !!document.activeElement.closest('#task-results')")) {
				covered.addAll(coveringBars(page));
			}
		}

		org.assertj.core.api.Assertions.assertThat(covered).as("focused controls under a fixed or sticky bar").isEmpty();
	}

	@Test
	void inForcedColoursTheQuickAddFieldShowsWhereFocusIs() {
		Page page = tabs.context(options -> options.setForcedColors(ForcedColors.ACTIVE)).newPage();
		JourneySteps.signUp(page);
		Locator field = page.getByLabel("New task");
		field.focus();

		assertThat(field).isFocused();
		// forced colours drop the bar's border colour and glow; an outline they keep (in a system colour)
		assertThat(field).not().hasCSS("outline-style", "none");
		assertThat(field).not().hasCSS("outline-width", "0px");
	}

	@SuppressWarnings("unchecked")
	private static List<String> coveringBars(Page page) {
		return (List<String>) page.evaluate(COVERING_BARS);
	}
}
