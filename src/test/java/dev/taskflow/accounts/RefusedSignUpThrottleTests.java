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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-ups refused as invalid create nothing, so they do not use up an address's sign-ups; others still do. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:refused-sign-ups-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.accounts.sign-ups-per-address=2", "taskflow.accounts.sign-up-window=1h",
		"taskflow.accounts.sign-ups-per-minute=100" })
class RefusedSignUpThrottleTests {

	@Autowired
	MockMvc mvc;

	@Test
	void refusedSignUpsDoNotCountButAccountsAndTakenAddressesDo() throws Exception {
		for (int i = 0; i < 3; i++) {
			signUp("10.2.0.1", newEmail(), "short").andExpect(status().isBadRequest());
			mvc.perform(post("/signup").with(csrf()).with(fromAddress("10.2.0.1")).param("email", newEmail())
				.param("password", "short").param("timeZone", "UTC"))
				.andExpect(status().isUnprocessableContent());
		}
		String taken = newEmail();
		signUp("10.2.0.1", taken, "a long enough passphrase").andExpect(status().isCreated());
		signUp("10.2.0.1", taken, "a long enough passphrase").andExpect(status().isConflict());
		signUp("10.2.0.1", newEmail(), "a long enough passphrase").andExpect(status().isTooManyRequests());
	}

	private ResultActions signUp(String address, String email, String password) throws Exception {
		return mvc.perform(post("/api/accounts").with(fromAddress(address)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}"));
	}
}
