package dev.taskflow.accounts.web;

import java.util.UUID;

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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The account page's forms: password, e-mail, time zone and notification settings, over the pages. */
@TaskFlowTest
class AccountSettingsPagesTests {

	private static final String NEW_PASSWORD = "another fine passphrase";

	@Autowired
	MockMvcTester mvc;

	@Test
	void changingThePasswordNeedsTheCurrentOneAndTheSignUpRules() {
		Browser browser = Browser.signedUp(mvc);

		MvcTestResult wrong = browser.post("/account/password", "currentPassword", "not my password",
				"newPassword", NEW_PASSWORD);
		assertThat(wrong).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(wrong)).contains("Current password is not your current password.");

		MvcTestResult missing = browser.post("/account/password", "newPassword", NEW_PASSWORD);
		assertThat(body(missing)).contains("Current password is required.");

		MvcTestResult tooShort = browser.post("/account/password", "currentPassword", Browser.PASSWORD,
				"newPassword", "short");
		assertThat(tooShort).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(tooShort)).contains("New password must be at least 10 characters long.");

		MvcTestResult common = browser.post("/account/password", "currentPassword", Browser.PASSWORD,
				"newPassword", "password123");
		assertThat(body(common)).contains("New password is one of the most common passwords");

		MvcTestResult same = browser.post("/account/password", "currentPassword", Browser.PASSWORD,
				"newPassword", Browser.PASSWORD);
		assertThat(body(same)).contains("New password is the same as your current password.");

		assertThat(signIn(browser.email(), Browser.PASSWORD)).hasRedirectedUrl("/");
	}

	@Test
	void aNewPasswordSignsOutOtherSessionsButKeepsThisOneAndTheApiTokens() throws Exception {
		Browser browser = Browser.signedUp(mvc);
		MockHttpSession otherDevice = (MockHttpSession) signIn(browser.email(), Browser.PASSWORD).getRequest()
			.getSession();
		assertThat(mvc.get().uri("/tasks").session(otherDevice)).hasStatusOk();
		String token = issueToken(browser);

		MvcTestResult changed = browser.post("/account/password", "currentPassword", Browser.PASSWORD, "newPassword",
				NEW_PASSWORD);

		assertThat(changed).hasRedirectedUrl("/account");
		assertThat(browser.page("/account")).contains("Your password is changed.");
		assertThat(mvc.get().uri("/tasks").session(otherDevice)).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/api/tasks").header("Authorization", "Bearer " + token)).hasStatusOk();
		assertThat(signIn(browser.email(), Browser.PASSWORD)).hasRedirectedUrl("/login?error");
		assertThat(signIn(browser.email(), NEW_PASSWORD)).hasRedirectedUrl("/");
		assertThat(mvc.post()
			.uri("/api/tokens")
			.with(httpBasic(browser.email(), NEW_PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"cli\"}")).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void theEmailChangesWithThePasswordAndMustBeFreeAndValid() {
		Browser browser = Browser.signedUp(mvc);
		Browser other = Browser.signedUp(mvc);
		String newEmail = "moved-" + UUID.randomUUID() + "@example.com";

		MvcTestResult wrongPassword = browser.post("/account/email", "email", newEmail, "currentPassword", "nope");
		assertThat(wrongPassword).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(wrongPassword)).contains("Current password is not your current password.")
			.contains("value=\"" + newEmail + "\"");

		MvcTestResult invalid = browser.post("/account/email", "email", "not-an-address", "currentPassword",
				Browser.PASSWORD);
		assertThat(body(invalid)).contains("E-mail is not a valid e-mail address.");

		MvcTestResult taken = browser.post("/account/email", "email", other.email().toUpperCase(), "currentPassword",
				Browser.PASSWORD);
		assertThat(taken).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(taken)).contains("Another account uses " + other.email() + ".");

		assertThat(browser.post("/account/email", "email", newEmail, "currentPassword", Browser.PASSWORD))
			.hasRedirectedUrl("/account");
		assertThat(browser.page("/account")).contains("You now sign in as " + newEmail)
			.contains("Signed in as <strong>" + newEmail + "</strong>");
		assertThat(signIn(browser.email(), Browser.PASSWORD)).hasRedirectedUrl("/login?error");
		assertThat(signIn(newEmail, Browser.PASSWORD)).hasRedirectedUrl("/");
	}

	@Test
	void theTimeZonePickerOffersEveryZoneAndTakesANameInAnyCase() {
		Browser browser = Browser.signedUp(mvc);

		assertThat(browser.page("/account")).contains("<datalist id=\"time-zones\">")
			.contains("<option value=\"America/Argentina/Buenos_Aires\">")
			.contains("list=\"time-zones\"");
		assertThat(browser.post("/account/time-zone", "timeZone", "  europe/berlin ")).hasRedirectedUrl("/account");
		assertThat(browser.page("/account")).contains("Your time zone is now Europe/Berlin.");

		MvcTestResult unknown = browser.post("/account/time-zone", "timeZone", "Berlin");
		assertThat(unknown).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(body(unknown)).contains("Time zone &#39;Berlin&#39; is not a known time zone")
			.contains("aria-invalid=\"true\"");
	}

	@Test
	void notificationSettingsAreKeptPerPersonAndTellThePagesScript() {
		Browser browser = Browser.signedUp(mvc);
		Browser other = Browser.signedUp(mvc);
		assertThat(browser.page("/tasks")).doesNotContain("data-notify-browser").doesNotContain("data-notify-in-app");

		assertThat(browser.post("/account/notifications", "email", "true")).hasRedirectedUrl("/account#notifications");

		String page = browser.page("/account");
		assertThat(page).contains("Your notification settings are saved.")
			.containsPattern("name=\"email\" value=\"true\"\\s+checked")
			.doesNotContainPattern("name=\"inApp\" value=\"true\"\\s+checked")
			.doesNotContainPattern("name=\"browser\" value=\"true\"\\s+checked");
		assertThat(browser.page("/tasks")).contains("data-notify-in-app=\"off\"").contains("data-notify-browser=\"off\"");
		assertThat(other.page("/account")).containsPattern("name=\"inApp\" value=\"true\"\\s+checked");
	}

	@Test
	void guessingTheCurrentPasswordIsSlowedDownLikeSigningIn() {
		Browser browser = Browser.signedUp(mvc);
		for (int i = 0; i < 3; i++) {
			browser.post("/account/password", "currentPassword", "guess " + i, "newPassword", NEW_PASSWORD);
		}

		MvcTestResult throttled = browser.post("/account/password", "currentPassword", Browser.PASSWORD,
				"newPassword", NEW_PASSWORD);

		assertThat(throttled).hasStatus(HttpStatus.TOO_MANY_REQUESTS).containsHeader("Retry-After");
		assertThat(body(throttled)).contains("Too many wrong passwords. Wait a little and try again.");
	}

	private MvcTestResult signIn(String email, String password) {
		return mvc.perform(formLogin("/login").userParameter("email").user(email).password(password));
	}

	private static String issueToken(Browser browser) {
		String page = body(browser.post("/account/tokens", "name", "script"));
		assertThat(page).isEmpty();
		String account = browser.page("/account");
		java.util.regex.Matcher secret = java.util.regex.Pattern.compile("id=\"new-token\">(tf_[A-Za-z0-9_-]+)<")
			.matcher(account);
		assertThat(secret.find()).isTrue();
		return secret.group(1);
	}
}
