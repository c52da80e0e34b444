package dev.taskflow.support;

import java.io.UnsupportedEncodingException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * A person using the pages: one session (cookies), and forms sent the way a browser sends them, with the
 * CSRF token the page carries. {@code htmx} variants add the {@code HX-Request} header htmx sends.
 */
public final class Browser {

	public static final String PASSWORD = "a long enough passphrase";

	private static final Pattern TASK_ID = Pattern.compile("id=\"task-(\\d+)\"");

	private final MockMvcTester mvc;

	private final MockHttpSession session = new MockHttpSession();

	private String email;

	private Browser(MockMvcTester mvc) {
		this.mvc = mvc;
	}

	public static Browser open(MockMvcTester mvc) {
		return new Browser(mvc);
	}

	/** Signs a new user up through the sign-up page, which signs them in. */
	public static Browser signedUp(MockMvcTester mvc) {
		Browser browser = open(mvc);
		browser.email = "person-" + UUID.randomUUID() + "@example.com";
		assertThat(browser.post("/signup", "email", browser.email, "password", PASSWORD, "timeZone", "UTC"))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/");
		return browser;
	}

	public String email() {
		return email;
	}

	public MockHttpSession session() {
		return session;
	}

	public MvcTestResult get(String uri) {
		return mvc.get().uri(uri).session(session).exchange();
	}

	public MvcTestResult htmxGet(String uri) {
		return mvc.get().uri(uri).session(session).header("HX-Request", "true").exchange();
	}

	/** A form POST with the page's CSRF token; {@code fields} are name, value, name, value … */
	public MvcTestResult post(String uri, String... fields) {
		var request = mvc.post().uri(uri).session(session).with(csrf());
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request.exchange();
	}

	public MvcTestResult htmxPost(String uri, String... fields) {
		var request = mvc.post().uri(uri).session(session).with(csrf()).header("HX-Request", "true");
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request.exchange();
	}

	/** An htmx POST from an element whose {@code hx-target} is {@code #target} (htmx sends it as HX-Target). */
	public MvcTestResult htmxPostInto(String target, String uri, String... fields) {
		var request = mvc.post().uri(uri).session(session).with(csrf()).header("HX-Request", "true")
			.header("HX-Target", target);
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request.exchange();
	}

	/** The HTML of a page that must load fine. */
	public String page(String uri) {
		MvcTestResult result = get(uri);
		assertThat(result).hasStatusOk();
		return body(result);
	}

	/** Adds a task with the quick-add field and returns its id, read from the list. */
	public long addTask(String title) {
		return addTask(title, title);
	}

	/** Adds a task by typing {@code typed} (dates, #tags … included), saved as {@code title}. */
	public long addTask(String typed, String title) {
		assertThat(post("/tasks", "title", typed)).hasStatus3xxRedirection();
		MvcTestResult list = mvc.get().uri("/tasks").param("status", "all").param("q", title).session(session).exchange();
		assertThat(list).hasStatusOk();
		Matcher id = TASK_ID.matcher(body(list));
		assertThat(id.find()).as("a row for %s", title).isTrue();
		return Long.parseLong(id.group(1));
	}

	public static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString();
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
