package dev.taskflow;

import java.sql.Connection;

import javax.sql.DataSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.BrowserTabs;
import dev.taskflow.support.Chromium;
import dev.taskflow.support.JourneySteps;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person working while the database lends no connection (all taken here; down, in real life) is told
 * so: an action on the list shows a notice that it was not done, a page opened meanwhile says what is
 * wrong, and once the database is back the same action works and live updates resume. (Live streams
 * end every few seconds here, as they do every 30 minutes by default, so one reconnects meanwhile.)
 */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:database-unavailable-pages-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=500",
		"taskflow.live.heartbeat=1s", "taskflow.live.stream-timeout=3s" })
class DatabaseUnavailablePagesTests {

	@RegisterExtension
	static final BrowserTabs tabs = new BrowserTabs().expectingStatus(503);

	@Autowired
	DataSource dataSource;

	@Test
	void whatCannotBeDoneWithoutTheDatabaseSaysSo() throws Exception {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		JourneySteps.quickAdd(page, "Water the plants", "Water the plants");
		Page.GetByRoleOptions done = new Page.GetByRoleOptions().setName("Mark Water the plants as done");

		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			page.getByRole(AriaRole.BUTTON, done).click();
			assertThat(page.locator("#live-notice"))
				.hasText("TaskFlow is unavailable for a moment, so that was not done. Try again shortly.");
			assertThat(page.getByRole(AriaRole.BUTTON, done)).isVisible();

			Page another = page.context().newPage();
			another.navigate("/tasks");
			assertThat(another.getByRole(AriaRole.HEADING)).hasText("TaskFlow is unavailable for a moment");
		}

		page.getByRole(AriaRole.BUTTON, done).click();
		assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Reopen Water the plants")))
			.isVisible();
	}

	@Test
	void liveUpdatesResumeOnceTheDatabaseIsBack() throws Exception {
		Page page = tabs.newPage();
		JourneySteps.signUp(page);
		JourneySteps.quickAdd(page, "Water the plants", "Water the plants");

		try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
			// the browser gives up on a stream whose reconnection is answered 503
			page.waitForResponse(response -> response.url().contains("/api/stream") && response.status() == 503, () -> {
			});
		}

		Page another = page.context().newPage();
		JourneySteps.quickAdd(another, "Call mom", "Call mom");
		assertThat(JourneySteps.task(page, "Call mom")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(30_000));
	}
}
