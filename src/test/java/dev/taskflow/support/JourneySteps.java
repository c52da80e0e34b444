package dev.taskflow.support;

import java.util.List;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Steps most browser journeys take on the way to what they test, done the way a person does them. */
public final class JourneySteps {

	public static final String PASSWORD = "correct horse battery staple";

	private JourneySteps() {
	}

	/** Signs a new person up through the sign-up page; returns their e-mail. */
	public static String signUp(Page page) {
		String email = "person-" + UUID.randomUUID() + "@example.com";
		page.navigate("/signup");
		page.getByLabel("E-mail").fill(email);
		page.getByLabel("Password").fill(PASSWORD);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
		assertThat(page.getByLabel("New task")).isVisible();
		// htmx wires the page up on DOMContentLoaded, after the deferred scripts: type only once it has
		page.waitForLoadState(LoadState.LOAD);
		return email;
	}

	/** Types {@code line} into quick add (on the task list) and waits for the task {@code title} to show. */
	public static void quickAdd(Page page, String line, String title) {
		if (!page.url().endsWith("/tasks")) {
			page.navigate("/tasks");
			page.waitForLoadState(LoadState.LOAD);
		}
		page.getByLabel("New task").fill(line);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add").setExact(true)).click();
		assertThat(task(page, title)).isVisible();
	}

	/** The list's row of the task titled {@code title}. */
	public static Locator task(Page page, String title) {
		return page.locator("#task-results li.task").filter(new Locator.FilterOptions().setHasText(title));
	}

	/**
	 * axe-core on the page as it is, with a screenshot named after the state and scheme ("light",
	 * "dark", "phone-light" …); returns the serious and critical violations.
	 */
	public static List<String> axe(Page page, String state, String scheme) {
		return Accessibility.check(page, state + "-" + (scheme.startsWith("phone") ? "" : "desktop-") + scheme,
				state + " [" + scheme + "]");
	}
}
