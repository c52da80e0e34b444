package dev.taskflow.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.support.TestUsers.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without JavaScript over real HTTP: it keeps its cookies (the session, the CSRF cookie) and
 * posts forms with the page's CSRF token, as a person's browser does; for what Chromium is too slow or
 * too indirect for (a session cookie on a request a test shapes itself).
 */
public final class FormBrowser {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final URI base;

	private FormBrowser(URI base) {
		this.base = base;
	}

	/** Signs {@code user} in on the sign-in page of the server at {@code port}. */
	public static FormBrowser signedIn(int port, TestUser user) throws Exception {
		FormBrowser browser = new FormBrowser(URI.create("http://localhost:" + port));
		String landing = browser.submit("/login", "/login", "email", user.email(), "password", TestUsers.PASSWORD);
		assertThat(landing).doesNotContain("Wrong e-mail");
		return browser;
	}

	/** The client itself, with the session cookie, for requests a test shapes itself. */
	public HttpClient http() {
		return http;
	}

	public HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(base.resolve(path));
	}

	public HttpResponse<String> get(String path) throws Exception {
		return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Opens {@code page}, posts {@code fields} and its CSRF token to {@code action} and follows the redirect.
	 * @return the page it lands on
	 */
	public String submit(String page, String action, String... fields) throws Exception {
		Matcher token = CSRF_INPUT.matcher(get(page).body());
		assertThat(token.find()).as("a CSRF token on %s", page).isTrue();
		StringBuilder body = new StringBuilder("_csrf=").append(URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
		for (int i = 0; i < fields.length; i += 2) {
			body.append('&').append(fields[i]).append('=').append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		HttpResponse<String> response = http.send(request(action)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		return get(response.headers().firstValue("Location").orElseThrow()).body();
	}
}
