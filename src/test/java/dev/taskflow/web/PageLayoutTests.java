package dev.taskflow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

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
	void noInlineScriptMayRunEveryScriptIsAServedFile() throws IOException {
		String policy = Browser.signedUp(mvc).get("/tasks").getResponse().getHeader("Content-Security-Policy");
		assertThat(policy).contains("script-src 'self';");

		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(path -> path.toString().endsWith(".html")).toList()) {
				String html = Files.readString(template);
				assertThat(html).as(template.toString())
					.doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
					.doesNotContainPattern("\\son[a-z]+=\"")
					.doesNotContain("hx-on")
					.doesNotContain("javascript:");
			}
		}
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
