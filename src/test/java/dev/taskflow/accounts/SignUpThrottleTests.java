package dev.taskflow.accounts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.taskflow.support.TestUsers.fromAddress;
import static dev.taskflow.support.TestUsers.newEmail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-up is throttled per client address (429) and in all (503), on the API and the page alike. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:sign-up-throttle-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.accounts.sign-ups-per-address=2", "taskflow.accounts.sign-up-window=1h",
		"taskflow.accounts.sign-ups-per-minute=5" })
class SignUpThrottleTests {

	@Autowired
	MockMvc mvc;

	@Test
	void oneAddressMaySignUpAFewTimesThenEveryoneTogetherIsBounded() throws Exception {
		signUp("10.1.0.1").andExpect(status().isCreated());
		signUp("10.1.0.1").andExpect(status().isCreated());
		signUp("10.1.0.1").andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/too-many-requests"))
			// two per hour: the next one frees up within half an hour (less the time the test has taken)
			.andExpect(header().string("Retry-After", org.hamcrest.Matchers.matchesPattern("1[0-7]\\d\\d|1800")));
		mvc.perform(post("/signup").with(csrf()).with(fromAddress("10.1.0.1")).param("email", newEmail())
			.param("password", "a long enough passphrase").param("timeZone", "UTC"))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Too many sign-ups")));

		signUp("10.1.0.2").andExpect(status().isCreated());
		signUp("10.1.0.3").andExpect(status().isCreated());
		signUp("10.1.0.4").andExpect(status().isCreated());
		signUp("10.1.0.5").andExpect(status().isServiceUnavailable())
			.andExpect(jsonPath("$.type").value("https://taskflow.dev/problems/unavailable"))
			.andExpect(header().exists("Retry-After"));
	}

	private ResultActions signUp(String address) throws Exception {
		return mvc.perform(post("/api/accounts").with(fromAddress(address)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + newEmail() + "\", \"password\": \"a long enough passphrase\"}"));
	}
}
