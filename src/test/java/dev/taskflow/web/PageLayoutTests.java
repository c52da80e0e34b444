package dev.taskflow.web;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

@TaskFlowTest
class PageLayoutTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void everyPageLoadsItsScriptsAndStylesFromTheApplicationItself() {
		String page = Browser.signedUp(mvc).page("/tasks");

		assertThat(page).contains("src=\"/webjars/htmx.org/2.0.8/dist/htmx.min.js\"")
			.contains("href=\"/css/taskflow.css\"")
			.contains("src=\"/js/taskflow.js\"")
			.doesNotContain("https://");
		assertThat(mvc.get().uri("/webjars/htmx.org/2.0.8/dist/htmx.min.js")).hasStatusOk();
		assertThat(mvc.get().uri("/css/taskflow.css")).hasStatusOk();
		assertThat(mvc.get().uri("/js/taskflow.js")).hasStatusOk();
	}

	@Test
	void htmxRequestsCarryTheCsrfTokenOfThePage() {
		String page = Browser.signedUp(mvc).page("/tasks");

		assertThat(page).containsPattern("<body hx-headers=\"\\{&quot;X-CSRF-TOKEN&quot;: &quot;[\\w-]+&quot;\\}\">");
	}

	@Test
	void theHeaderShowsWhoIsSignedInAndASignOutButton() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.page("/account")).contains(browser.email())
			.contains("<form action=\"/logout\" method=\"post\" class=\"inline\">");
		assertThat(Browser.body(mvc.get().uri("/login").exchange())).doesNotContain("Sign out");
	}
}
