package dev.taskflow.accounts;

import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

import static dev.taskflow.support.TestUsers.json;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@TaskFlowTest
class AccountApiTests {

	@Autowired
	MockMvc mvc;

	/** The firewall reads header characters with its own loop (HeaderCharacters): still strict. */
	@Test
	void aControlCharacterInAHeaderIsRefusedBeforeTheApplicationSeesIt() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + ann.token() + "\u0007"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/tasks").header("Authorization", "Bearer\t" + ann.token()))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + ann.token())).andExpect(status().isOk());
	}

	@Test
	void signUpNormalisesTheEmailAndRefusesADuplicate() throws Exception {
		String email = "Mixed.Case+" + System.nanoTime() + "@Example.com";
		mvc.perform(signUp(email, TestUsers.PASSWORD, "America/New_York"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").value(email.toLowerCase()))
			.andExpect(jsonPath("$.time_zone").value("America/New_York"))
			.andExpect(jsonPath("$.password").doesNotExist());
		mvc.perform(signUp(email.toLowerCase(), TestUsers.PASSWORD, null))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/conflict"));
	}

	@Test
	void signUpExplainsEveryBadField() throws Exception {
		mvc.perform(signUp("not-an-email", "short", "Mars/Olympus"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'password')]").exists())
			.andExpect(jsonPath("$.errors[?(@.field == 'time_zone')]").exists());
		mvc.perform(signUp("ok" + System.nanoTime() + "@example.com", "ü".repeat(40), null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 72 bytes long"));
		mvc.perform(post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content("{\"email\": \"a@b.co\", \"admin\": true}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("admin"));
	}

	@Test
	void aPasswordMayNotContainTheEmailButShortLocalPartsDoNotBanLetters() throws Exception {
		String stamp = String.valueOf(System.nanoTime());
		mvc.perform(signUp("johnsmith" + stamp + "@example.com", "i am johnsmith" + stamp, null))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must not contain your e-mail address"));
		mvc.perform(signUp("m" + stamp.substring(stamp.length() - 3) + "@x.io", "my memorable passphrase", null))
			.andExpect(status().isCreated());
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() throws Exception {
		for (String common : new String[] { "password12", "1234567890", "qwertyuiop", "Password123", "LetMeIn123" }) {
			mvc.perform(signUp("common-" + System.nanoTime() + "@example.com", common, null))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("password"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("most common")));
		}
		mvc.perform(signUp("uncommon-" + System.nanoTime() + "@example.com", "plum kettle 42 rain", null))
			.andExpect(status().isCreated());
	}

	@Test
	void tokensAreShownOnceListedWithoutSecretAndRevocable() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		mvc.perform(ann.as(get("/api/tasks"))).andExpect(status().isOk());

		JsonNode tokens = json(mvc.perform(ann.as(get("/api/tokens"))).andExpect(status().isOk()).andReturn());
		JsonNode listed = tokens.get(0);
		org.assertj.core.api.Assertions.assertThat(listed.has("token")).isFalse();
		org.assertj.core.api.Assertions.assertThat(ann.token()).startsWith(listed.get("hint").asString());
		org.assertj.core.api.Assertions.assertThat(listed.get("last_used_at").isNull()).isFalse();

		mvc.perform(ann.as(delete("/api/tokens/" + listed.get("id").asString()))).andExpect(status().isNoContent());
		mvc.perform(ann.as(get("/api/tasks")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
			.andExpect(jsonPath("$.detail").value("The API token is invalid or revoked."));
	}

	@Test
	void aUserCannotRevokeAnotherUsersToken() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		String annsToken = json(mvc.perform(ann.as(get("/api/tokens"))).andReturn()).get(0).get("id").asString();
		mvc.perform(bob.as(delete("/api/tokens/" + annsToken))).andExpect(status().isNotFound());
		mvc.perform(bob.as(get("/api/tokens"))).andExpect(jsonPath("$", hasSize(1)))
			.andExpect(jsonPath("$[0].id").value(not(annsToken)));
		mvc.perform(ann.as(get("/api/tasks"))).andExpect(status().isOk());
	}

	@Test
	void basicAuthenticationOnlyIssuesTokens() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		mvc.perform(get("/api/tasks").with(httpBasic(ann.email(), TestUsers.PASSWORD))).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/tokens").with(httpBasic(ann.email(), TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("name"));
	}

	/** An emoji is one character, though Java and H2 count two UTF-16 units. */
	@Test
	void aTokenNameOf100EmojiIsWithinTheLimit() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String name = "🔑".repeat(100);
		mvc.perform(post("/api/tokens").with(httpBasic(ann.email(), TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value(name));
		mvc.perform(post("/api/tokens").with(httpBasic(ann.email(), TestUsers.PASSWORD))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"" + name + "🔑\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("must be at most 100 characters long"));
	}

	@Test
	void aTokenCannotCreateTokensSoRevokingALeakedOneContainsTheLeak() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		mvc.perform(ann.as(post("/api/tokens")).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"child\"}"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("cannot create tokens")));
		mvc.perform(ann.as(get("/api/tokens"))).andExpect(jsonPath("$", hasSize(1)));
		mvc.perform(tokenRequest(ann.email(), TestUsers.PASSWORD)).andExpect(status().isCreated());
	}

	@Test
	void repeatedWrongPasswordsSlowSignInDownAndAnswerTheSameForUnknownAddresses() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		String nobody = "nobody-" + System.nanoTime() + "@example.com";
		for (String email : new String[] { ann.email(), nobody }) {
			for (int attempt = 0; attempt < 3; attempt++) {
				mvc.perform(tokenRequest(email, "wrong password " + attempt))
					.andExpect(status().isUnauthorized())
					.andExpect(jsonPath("$.detail").value("Wrong e-mail or password."));
			}
		}

		String[] answers = new String[2];
		int i = 0;
		for (String email : new String[] { ann.email(), nobody }) {
			answers[i++] = mvc.perform(tokenRequest(email, TestUsers.PASSWORD))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/too-many-requests"))
				.andReturn()
				.getResponse()
				.getContentAsString()
				.replaceAll("\\d+ s", "N s");
		}
		org.assertj.core.api.Assertions.assertThat(answers[0]).isEqualTo(answers[1]).contains("Too many failed sign-ins");
		// tokens already issued keep working: slowing sign-in down locks nobody out of what they have
		mvc.perform(ann.as(get("/api/tasks"))).andExpect(status().isOk());
	}

	@Test
	void theTimeZoneCanBeChangedAndIsValidated() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		mvc.perform(ann.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON).content("{\"time_zone\": \"Asia/Tokyo\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.time_zone").value("Asia/Tokyo"));
		mvc.perform(ann.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON).content("{\"time_zone\": \"Nowhere\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(ann.as(get("/api/account"))).andExpect(jsonPath("$.time_zone").value("Asia/Tokyo"));
	}

	/** ZoneId.of reads offsets too, but an offset is no time zone: it ignores daylight saving; SystemV/ is Java's, not IANA's. */
	@Test
	void offsetsAndNonIanaNamesAreNotTimeZonesAtSignUpOrLater() throws Exception {
		TestUser ann = TestUsers.signUp(mvc, "Asia/Tokyo");
		for (String offset : new String[] { "+05:00", "GMT+5", "UTC+2", "UT-03:30", "Z", "SystemV/EST5", "systemv/pst8pdt" }) {
			mvc.perform(ann.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"time_zone\": \"" + offset + "\"}"))
				.andExpect(status().isBadRequest())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")))
				.andExpect(jsonPath("$.errors[0].field").value("time_zone"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("IANA")));
			mvc.perform(signUp("offset-" + System.nanoTime() + "@example.com", TestUsers.PASSWORD, offset))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("time_zone"));
		}
		mvc.perform(ann.as(get("/api/account"))).andExpect(jsonPath("$.time_zone").value("Asia/Tokyo"));
		// an IANA name for a fixed offset, and a name in the wrong case, are fine
		mvc.perform(ann.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"time_zone\": \"etc/gmt-5\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.time_zone").value("Etc/GMT-5"));
	}

	@Test
	void notificationChannelsAreSwitchedOneByOneThroughTheApi() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		TestUser bob = TestUsers.signUp(mvc);
		mvc.perform(ann.as(get("/api/account")))
			.andExpect(jsonPath("$.notifications.in_app").value(true))
			.andExpect(jsonPath("$.notifications.browser").value(true))
			.andExpect(jsonPath("$.notifications.email").value(true));

		mvc.perform(ann.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"notifications\": {\"email\": false}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notifications.email").value(false))
			.andExpect(jsonPath("$.notifications.in_app").value(true))
			.andExpect(jsonPath("$.time_zone").value("UTC"));

		mvc.perform(ann.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		mvc.perform(ann.as(patch("/api/account")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"notifications\": {\"sms\": true}}"))
			.andExpect(status().isBadRequest());
		mvc.perform(bob.as(get("/api/account"))).andExpect(jsonPath("$.notifications.email").value(true));
	}

	@Test
	void everyApiRouteButSignUpNeedsAuthentication() throws Exception {
		for (String path : new String[] { "/api/tasks", "/api/tasks/1", "/api/tokens", "/api/account" }) {
			mvc.perform(get(path))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string("Content-Type", org.hamcrest.Matchers.containsString("application/problem+json")));
		}
		mvc.perform(post("/api/tasks").contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\"}"))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/tasks").header("Authorization", "Bearer tf_made-up")).andExpect(status().isUnauthorized());
	}

	@Test
	void aBrowserSessionCanUseTheApiButNeedsCsrfToChangeData() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		var session = mvc.perform(post("/login").with(csrf()).param("email", ann.email()).param("password", TestUsers.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/api/account").session((org.springframework.mock.web.MockHttpSession) session))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.email").value(ann.email()));
		mvc.perform(post("/api/tasks").session((org.springframework.mock.web.MockHttpSession) session)
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\"}"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/tasks").session((org.springframework.mock.web.MockHttpSession) session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"x\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.completed_at").value(nullValue()));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder signUp(String email,
			String password, String zone) {
		String body = "{\"email\": \"" + email + "\", \"password\": \"" + password + "\""
				+ (zone == null ? "" : ", \"time_zone\": \"" + zone + "\"") + "}";
		return post("/api/accounts").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder tokenRequest(String email,
			String password) {
		return post("/api/tokens").with(httpBasic(email, password)).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\"}");
	}
}
