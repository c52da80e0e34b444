package dev.taskflow.accounts.web;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.support.Browser;
import dev.taskflow.support.TaskFlowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static dev.taskflow.support.Browser.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

@TaskFlowTest
class AccountPagesTests {

	private static final Pattern SECRET = Pattern.compile("id=\"new-token\">(tf_[A-Za-z0-9_-]+)<");

	@Autowired
	MockMvcTester mvc;

	@Test
	void signingUpSignsTheNewUserInAndLandsOnTheirTasks() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.page("/tasks")).contains(browser.email()).contains("Sign out");
		assertThat(browser.get("/signup")).hasRedirectedUrl("/");
	}

	@Test
	void anExpiredResetLinkWithoutMailDoesNotPointToAFormThatIsNotThere() {
		MvcTestResult expired = Browser.open(mvc).get("/password-reset/not-a-real-link-at-all-123");

		assertThat(expired).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(body(expired)).contains("This link has expired or was already used.")
			.contains("This TaskFlow does not send e-mail")
			.doesNotContain("Ask for a new one below")
			.doesNotContain("Send the link");
	}

	@Test
	void signingUpWithAWeakPasswordSaysWhyAndKeepsTheEmail() {
		Browser browser = Browser.open(mvc);

		MvcTestResult result = browser.post("/signup", "email", "kim@example.com", "password", "short",
				"timeZone", "Europe/Berlin");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(result)).contains("Password must be at least 10 characters long.")
			.contains("value=\"kim@example.com\"")
			.contains("<option value=\"Europe/Berlin\" selected=\"selected\">")
			.doesNotContain("short");
		assertThat(browser.get("/tasks")).hasStatus3xxRedirection();
	}

	@Test
	void signingUpWithATakenEmailSaysSo() {
		Browser first = Browser.signedUp(mvc);

		MvcTestResult again = Browser.open(mvc)
			.post("/signup", "email", first.email(), "password", Browser.PASSWORD, "timeZone", "UTC");

		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(again)).contains("An account with this e-mail address already exists.");
	}

	@Test
	void aWrongPasswordShowsAReadableMessageAndKeepsTheEmail() {
		String email = Browser.signedUp(mvc).email();

		MvcTestResult attempt = mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong one"));

		assertThat(attempt).hasRedirectedUrl("/login?error");
		MockHttpSession session = (MockHttpSession) attempt.getRequest().getSession();
		MvcTestResult page = mvc.get().uri("/login?error").session(session).exchange();
		assertThat(body(page)).contains("Wrong e-mail or password.").contains("value=\"" + email + "\"");
	}

	@Test
	void repeatedWrongPasswordsSlowSignInDownWithAnExplanation() {
		String email = Browser.signedUp(mvc).email();
		for (int i = 0; i < 3; i++) {
			mvc.perform(formLogin("/login").userParameter("email").user(email).password("wrong " + i));
		}

		MvcTestResult locked = mvc.perform(formLogin("/login").userParameter("email").user(email).password(Browser.PASSWORD));

		assertThat(locked).hasRedirectedUrl("/login?locked");
		assertThat(body(mvc.get().uri("/login?locked").exchange())).contains("Too many failed sign-ins");
	}

	@Test
	void theRightPasswordSignsInAndSigningOutEndsTheSession() {
		String email = Browser.signedUp(mvc).email();

		MvcTestResult signedIn = mvc.perform(formLogin("/login").userParameter("email").user(email).password(Browser.PASSWORD));
		assertThat(signedIn).hasRedirectedUrl("/");
		MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession();
		assertThat(mvc.get().uri("/tasks").session(session)).hasStatusOk();

		assertThat(mvc.post().uri("/logout").session(session).with(csrf())).hasRedirectedUrl("/login?signed-out");
		assertThat(mvc.get().uri("/tasks").session(session)).hasStatus3xxRedirection();
		assertThat(body(mvc.get().uri("/login?signed-out").exchange())).contains("You are signed out.");
	}

	@Test
	void aNewApiTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.post("/account/tokens", "name", "home server")).hasRedirectedUrl("/account");
		String account = browser.page("/account");
		Matcher secret = SECRET.matcher(account);
		assertThat(secret.find()).isTrue();
		String token = secret.group(1);
		assertThat(account).contains("home server").contains(token.substring(0, 8) + "…").contains("Never");
		assertThat(browser.page("/account")).doesNotContain(token).contains("home server");
		assertThat(mvc.get().uri("/api/tasks").header("Authorization", "Bearer " + token)).hasStatusOk();

		Matcher revoke = Pattern.compile("action=\"(/account/tokens/[0-9a-f-]+/revoke)\"").matcher(account);
		assertThat(revoke.find()).isTrue();
		assertThat(browser.post(revoke.group(1))).hasRedirectedUrl("/account");

		assertThat(browser.page("/account")).doesNotContain("home server").contains("The token is revoked");
		assertThat(mvc.get().uri("/api/tasks").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aTokenNeedsAName() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult result = browser.post("/account/tokens", "name", " ");

		assertThat(result).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(result)).contains("Name is required.");
	}

	@Test
	void revokingATokenThatIsNotYoursIsNotFound() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.post("/account/tokens/" + UUID.randomUUID() + "/revoke")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(browser.post("/account/tokens/not-a-uuid/revoke")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theTimeZoneCanBeChangedAndAnUnknownOneIsExplained() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.post("/account/time-zone", "timeZone", "Asia/Tokyo")).hasRedirectedUrl("/account");
		assertThat(browser.page("/account")).contains("Your time zone is now Asia/Tokyo.")
			.containsPattern("id=\"time-zone\"[^>]*value=\"Asia/Tokyo\"");

		MvcTestResult unknown = browser.post("/account/time-zone", "timeZone", "Mars/Olympus_Mons");
		assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(unknown)).contains("Time zone &#39;Mars/Olympus_Mons&#39; is not a known time zone");
	}

	@Test
	void anOffsetIsRefusedAsATimeZoneOnTheSignUpAndAccountPages() {
		MvcTestResult signUp = Browser.open(mvc).post("/signup", "email", "offset-" + UUID.randomUUID() + "@example.com",
				"password", Browser.PASSWORD, "timeZone", "+05:00");
		assertThat(signUp).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(signUp)).contains("Time zone &#39;+05:00&#39; is not a known time zone");

		Browser browser = Browser.signedUp(mvc);
		MvcTestResult change = browser.post("/account/time-zone", "timeZone", "GMT+5");
		assertThat(change).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(change)).contains("Time zone &#39;GMT+5&#39; is not a known time zone");
	}

	@Test
	void signingInReturnsToThePageAskedForButNotToAFragmentOrAScriptsRequest() {
		String email = Browser.signedUp(mvc).email();

		// the page asked for is remembered in a cookie, not a session: anonymous visitors get none
		MvcTestResult askedForAPage = mvc.get().uri("/tasks?view=upcoming").accept(MediaType.TEXT_HTML).exchange();
		assertThat(askedForAPage).hasStatus3xxRedirection();
		assertThat(askedForAPage.getRequest().getSession(false)).isNull();
		assertThat(signIn(askedForAPage.getResponse().getCookies(), email)).redirectedUrl()
			.contains("/tasks?view=upcoming");

		MvcTestResult askedForAFragment = mvc.get().uri("/tasks/1/row").header("HX-Request", "true")
			.accept(MediaType.TEXT_HTML).exchange();
		assertThat(askedForAFragment).hasStatus3xxRedirection();
		assertThat(signIn(askedForAFragment.getResponse().getCookies(), email)).hasRedirectedUrl("/");
	}

	private MvcTestResult signIn(jakarta.servlet.http.Cookie[] cookies, String email) {
		var request = mvc.post().uri("/login").with(csrf()).param("email", email).param("password", Browser.PASSWORD);
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return request.exchange();
	}

	@Test
	void pagesRedirectToSignInWhenSignedOut() {
		for (String page : new String[] { "/", "/tasks", "/tasks/1/edit", "/account" }) {
			assertThat(mvc.get().uri(page)).as(page).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
		}
		assertThat(mvc.get().uri("/login")).hasStatusOk();
		assertThat(mvc.get().uri("/signup")).hasStatusOk();
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(mvc.post().uri("/tasks").session(browser.session()).param("title", "Forged"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/signup").param("email", "forged@example.com").param("password", Browser.PASSWORD))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(browser.page("/tasks?status=all")).doesNotContain("Forged");
	}
}
