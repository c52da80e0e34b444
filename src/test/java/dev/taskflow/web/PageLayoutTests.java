package dev.taskflow.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.taskflow.platform.PageController;
import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodIntrospector;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.ClassUtils;
import org.springframework.util.DigestUtils;
import org.springframework.util.ReflectionUtils.MethodFilter;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.ControllerAdviceBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@TaskFlowTest
class PageLayoutTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void everyPageLoadsItsScriptsAndStylesFromTheApplicationItself() {
		String page = Browser.signedUp(mvc).page("/tasks");

		assertThat(page).contains("src=\"/webjars/htmx.org/2.0.8/dist/htmx.min.js\"")
			.containsPattern("href=\"/css/taskflow-[0-9a-f]{32}\\.css\"")
			.containsPattern("src=\"/js/taskflow-[0-9a-f]{32}\\.js\"")
			.doesNotContain("https://");
		assertThat(mvc.get().uri("/webjars/htmx.org/2.0.8/dist/htmx.min.js")).hasStatusOk();
		assertThat(mvc.get().uri(linked(page, "/css/taskflow"))).hasStatusOk();
		assertThat(mvc.get().uri(linked(page, "/js/taskflow"))).hasStatusOk();
	}

	/**
	 * A page links its scripts and styles by a name that changes with their content, so a new release never
	 * runs with an old script, and browsers keep them for good instead of downloading each on every page
	 * (Spring Security's no-store, which every one of them had).
	 */
	@Test
	void scriptsAndStylesAreLinkedByTheirContentAndKeptForGood() throws IOException {
		String page = Browser.signedUp(mvc).page("/tasks");
		String script = linked(page, "/js/taskflow");
		String hash = script.substring("/js/taskflow-".length(), script.length() - ".js".length());

		try (var content = getClass().getResourceAsStream("/static/js/taskflow.js")) {
			assertThat(hash).isEqualTo(DigestUtils.md5DigestAsHex(content));
		}
		for (String asset : List.of(script, linked(page, "/css/taskflow"), "/webjars/htmx.org/2.0.8/dist/htmx.min.js")) {
			assertThat(mvc.get().uri(asset)).as(asset)
				.hasStatusOk()
				.hasHeader("Cache-Control", "max-age=31536000, public, immutable");
		}
		// the plain names (the offline page's, the service worker's) are looked at again each time
		assertThat(cacheControl("/js/taskflow.js", 200)).doesNotContain("immutable");
		// a name this release does not have (a newer replica's page, mid-deploy) is a 404 nobody keeps
		assertThat(cacheControl("/js/taskflow-" + "0".repeat(32) + ".js", 404)).doesNotContain("immutable");
		assertThat(cacheControl("/webjars/htmx.org/0.0.1/dist/htmx.min.js", 404)).doesNotContain("immutable");
	}

	private String cacheControl(String uri, int status) {
		MvcTestResult answer = mvc.get().uri(uri).exchange();
		assertThat(answer).as(uri).hasStatus(status);
		return String.valueOf(answer.getResponse().getHeader("Cache-Control"));
	}

	private static String linked(String page, String name) {
		Matcher link = Pattern.compile("\"(" + Pattern.quote(name) + "-[0-9a-f]{32}\\.(?:js|css))\"")
			.matcher(page);
		assertThat(link.find()).as("a link to %s", name).isTrue();
		return link.group(1);
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
	void theThemeSwitchRemembersTheChoiceAndReturnsToThePageItWasOn() {
		Browser browser = Browser.signedUp(mvc);
		assertThat(browser.page("/tasks")).doesNotContain("data-theme=").contains("value=\"dark\" data-theme-next");

		MvcTestResult chosen = mvc.post().uri("/theme").session(browser.session()).with(csrf()).param("theme", "dark")
			.header("Referer", "http://localhost/tasks?view=today").exchange();
		assertThat(chosen).hasRedirectedUrl("/tasks?view=today");
		assertThat(chosen).cookies().containsCookie("taskflow-theme");
		Cookie dark = chosen.getResponse().getCookie("taskflow-theme");

		String page = Browser.body(mvc.get().uri("/tasks").session(browser.session()).cookie(dark).exchange());
		assertThat(page).contains("<html lang=\"en\" data-theme=\"dark\">").contains("value=\"light\" data-theme-next");

		assertThat(mvc.post().uri("/theme").session(browser.session()).with(csrf()).param("theme", "light")
			.header("Referer", "https://evil.example//elsewhere").exchange()).hasRedirectedUrl("/");
	}

	/**
	 * The layout's model costs queries (the account, its preferences, counts), so it is worked out for
	 * the pages that show it and no API call: an unrestricted advice ran them before every API request.
	 */
	@Test
	void theLayoutsModelIsWorkedOutForPagesAndTheErrorPageButNeverForTheApi(@Autowired ApplicationContext context) {
		List<ControllerAdviceBean> pageModels = ControllerAdviceBean.findAnnotatedBeans(context).stream()
			.filter(advice -> !MethodIntrospector.selectMethods(advice.getBeanType(),
					(MethodFilter) method -> method.isAnnotationPresent(ModelAttribute.class)).isEmpty())
			.toList();
		assertThat(pageModels).extracting(advice -> advice.getBeanType().getSimpleName())
			.contains("GlobalPageModel", "ViewsMenu", "UnreadCountOnPages");

		List<Class<?>> controllers = context.getBeansWithAnnotation(Controller.class).values().stream()
			.<Class<?>>map(ClassUtils::getUserClass).toList();
		List<Class<?>> pages = controllers.stream().filter(type -> type.isAnnotationPresent(PageController.class)).toList();
		List<Class<?>> api = controllers.stream().filter(type -> type.isAnnotationPresent(RestController.class)).toList();
		assertThat(pages).extracting(Class::getSimpleName).contains("TaskPagesController", "AccountPagesController");
		assertThat(api).extracting(Class::getSimpleName).contains("TaskApiController", "NotificationApiController");
		for (ControllerAdviceBean advice : pageModels) {
			for (Class<?> page : pages) {
				assertThat(advice.isApplicableToBeanType(page)).as(advice + " on " + page.getSimpleName()).isTrue();
			}
			assertThat(advice.isApplicableToBeanType(BasicErrorController.class)).as(advice + " on the error page").isTrue();
			for (Class<?> endpoint : api) {
				assertThat(advice.isApplicableToBeanType(endpoint)).as(advice + " on " + endpoint.getSimpleName()).isFalse();
			}
		}
	}

	@Test
	void theAppIsInstallableFromWhatTaskFlowServes() {
		assertThat(mvc.get().uri("/manifest.webmanifest")).hasStatusOk().bodyText().contains("\"start_url\"");
		assertThat(mvc.get().uri("/sw.js")).hasStatusOk().bodyText().contains("caches.open");
		for (String asset : new String[] { "/icons/sprite.svg", "/icons/icon.svg", "/icons/icon-192.png",
				"/icons/icon-512.png", "/offline.html", "/css/tokens.css", "/css/shell.css", "/js/shell.js" }) {
			assertThat(mvc.get().uri(asset)).as(asset).hasStatusOk();
		}
		assertThat(Browser.signedUp(mvc).page("/tasks")).contains("<link rel=\"manifest\" href=\"/manifest.webmanifest\">");
	}

	@Test
	void htmxRequestsCarryTheCsrfTokenOfThePage() {
		String page = Browser.signedUp(mvc).page("/tasks");

		assertThat(page).containsPattern("<body hx-headers=\"\\{&quot;X-CSRF-TOKEN&quot;: &quot;[\\w-]+&quot;\\}\"");
	}

	@Test
	void theHeaderShowsWhoIsSignedInAndASignOutButton() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.page("/account")).contains(browser.email())
			.contains("<form action=\"/logout\" method=\"post\" class=\"inline\">");
		assertThat(Browser.body(mvc.get().uri("/login").exchange())).doesNotContain("Sign out");
	}
}
