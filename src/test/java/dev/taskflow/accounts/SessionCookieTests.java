package dev.taskflow.accounts;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie over real HTTP (Tomcat writes it): none for anonymous visitors, SameSite=Lax, and
 * Secure when a trusted proxy says the request came over HTTPS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:session-cookie-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"server.forward-headers-strategy=native" })
class SessionCookieTests {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void anonymousVisitorsGetNoSession() throws Exception {
		for (String path : List.of("/", "/tasks", "/login", "/signup", "/login?error", "/css/app.css",
				"/actuator/health", "/api/tasks")) {
			HttpResponse<String> response = get(path, null);
			assertThat(sessionCookies(response)).as("session cookies for GET %s", path).isEmpty();
		}
	}

	@Test
	void theSessionCookieIsSameSiteLaxAndSecureBehindATlsProxy() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		HttpResponse<String> plain = signIn(ann, null);
		assertThat(sessionCookies(plain)).singleElement().satisfies(cookie -> {
			assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
			assertThat(cookie).doesNotContainIgnoringCase("Secure");
		});

		HttpResponse<String> proxied = signIn(ann, "https");
		assertThat(sessionCookies(proxied)).singleElement().satisfies(cookie -> assertThat(cookie)
			.containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Secure"));
	}

	private HttpResponse<String> signIn(TestUser user, String forwardedProto) throws Exception {
		HttpResponse<String> page = get("/login", forwardedProto);
		Matcher csrf = CSRF_INPUT.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
			.map(cookie -> cookie.substring(0, cookie.indexOf(';')))
			.toList());
		String form = "email=" + URLEncoder.encode(user.email(), StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(TestUsers.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (!cookies.isEmpty()) {
			request.header("Cookie", cookies);
		}
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				location -> assertThat(location).doesNotContain("error"));
		return response;
	}

	private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "text/html").GET();
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> sessionCookies(HttpResponse<?> response) {
		return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).toList();
	}

	private String base() {
		return "http://localhost:" + port;
	}
}
