package dev.taskflow.accounts;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An owner slowed down by wrong passwords (theirs or someone else's) gets back in with a link e-mailed to
 * them (GreenMail stands in for the SMTP server, in process).
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:password-reset-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.accounts.max-failed-sign-ins=3", "taskflow.accounts.public-url=https://tasks.example.org/",
		"taskflow.notifications.mail-from=TaskFlow <accounts@taskflow.test>" })
class PasswordResetTests {

	private static final Pattern LINK = Pattern.compile("https://tasks\\.example\\.org/password-reset/([A-Za-z0-9_-]{20,})");

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@Autowired
	MockMvc mvc;

	@Test
	void aSlowedDownOwnerSetsANewPasswordThroughAnEmailedSingleUseLink() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		for (int i = 0; i < 3; i++) {
			mvc.perform(tokenRequest(ann.email(), "someone guessing " + i)).andExpect(status().isUnauthorized());
		}
		mvc.perform(tokenRequest(ann.email(), TestUsers.PASSWORD)).andExpect(status().isTooManyRequests());

		String answerForAnn = askForLink(ann.email());
		String answerForNobody = askForLink("nobody-" + System.nanoTime() + "@example.com");
		assertThat(answerForAnn).isEqualTo(answerForNobody).contains("If an account uses that address");

		await().until(() -> mailsTo(ann.email()).length == 1);
		MimeMessage mail = mailsTo(ann.email())[0];
		assertThat(mail.getFrom()[0].toString()).isEqualTo("TaskFlow <accounts@taskflow.test>");
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", ""));
		assertThat(link.find()).as(GreenMailUtil.getBody(mail)).isTrue();
		String secret = link.group(1);
		assertThat(SMTP.getReceivedMessages()).hasSize(1);

		mvc.perform(get("/password-reset/" + secret)).andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Choose a new password")));
		mvc.perform(post("/password-reset/" + secret).with(csrf()).param("password", "password12"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("most common")));
		mvc.perform(post("/password-reset/" + secret).with(csrf()).param("password", "a brand new passphrase"))
			.andExpect(redirectedUrl("/login?reset"));

		mvc.perform(tokenRequest(ann.email(), "a brand new passphrase")).andExpect(status().isCreated());
		mvc.perform(tokenRequest(ann.email(), TestUsers.PASSWORD)).andExpect(status().isUnauthorized());
		mvc.perform(post("/password-reset/" + secret).with(csrf()).param("password", "yet another passphrase"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("expired or was already used")));
	}

	@Test
	void aMadeUpLinkLeadsNowhere() throws Exception {
		mvc.perform(get("/password-reset/not-a-real-link-at-all-123"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Ask for a new one below.")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Send the link")));
	}

	private String askForLink(String email) throws Exception {
		return mvc.perform(post("/password-reset").with(csrf()).param("email", email))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			// every page carries a fresh CSRF token; the rest must not differ
			.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "")
			.replaceAll("hx-headers=\"[^\"]*\"", "")
			.replace(email, "EMAIL");
	}

	private static MockHttpServletRequestBuilder tokenRequest(String email, String password) {
		return post("/api/tokens").with(httpBasic(email, password))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"x\"}");
	}

	private static MimeMessage[] mailsTo(String email) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
			try {
				return mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(email);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}
}
