package dev.taskflow.assistant;

import java.util.Map;
import java.util.UUID;

import com.microsoft.playwright.APIRequest;
import com.microsoft.playwright.APIRequestContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.taskflow.support.Chromium;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** A person opens the chat with "c", adds a task by saying so, and sees the reply, a chip and the task in the list. */
@EnabledIf(value = "dev.taskflow.support.Chromium#isInstalled", disabledReason = Chromium.MISSING)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:chat-browser-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1")
class ChatPanelBrowserTests {

	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	@Test
	void addingATaskByChatShowsTheReplyAChipAndTheTask() {
		String email = "chat-" + UUID.randomUUID() + "@example.com";
		try (Playwright playwright = Chromium.playwright()) {
			APIRequestContext api = playwright.request()
				.newContext(new APIRequest.NewContextOptions().setBaseURL("http://localhost:" + port));
			org.assertj.core.api.Assertions.assertThat(api.post("/api/accounts", RequestOptions.create()
				.setData(Map.of("email", email, "password", PASSWORD, "time_zone", "UTC"))).status()).isEqualTo(201);
			Browser browser = Chromium.launch(playwright);
			Page page = browser.newPage(new Browser.NewPageOptions().setBaseURL("http://localhost:" + port));
			page.navigate("/login");
			page.locator("input[name=email]").fill(email);
			page.locator("input[name=password]").fill(PASSWORD);
			page.locator("input[name=password]").press("Enter");
			page.waitForURL("**/tasks**");

			// the list page focuses its quick-add field, where "c" is just a letter; shortcuts apply outside fields
			page.evaluate("document.activeElement && document.activeElement.blur()");
			page.keyboard().press("c");
			assertThat(page.locator("#chat-panel")).isVisible();
			page.locator("#chat-input").fill("add Buy oat milk #errands");
			page.locator("#chat-input").press("Enter");
			assertThat(page.locator("[data-chat-log] .chat-assistant").last()).containsText("Added #");
			assertThat(page.locator("a.chat-chip").first()).hasAttribute("href",
					java.util.regex.Pattern.compile("/tasks/\\d+/edit"));
			page.navigate("/tasks");
			assertThat(page.locator("main")).containsText("Buy oat milk");
		}
	}
}
