package dev.taskflow.accounts;

import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.taskflow.support.SilentSmtpServer;
import dev.taskflow.support.TaskFlowTest;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Asking for a password reset link answers at once, as it does for an address without an account, even
 * when the mail server never answers: the link is mailed after commit on the mail senders' threads, so
 * how long the answer takes tells nobody whether the address has an account, and no request or database
 * connection waits on the mail server.
 */
@TaskFlowTest
@TestPropertySource(properties = "taskflow.accounts.public-url=https://tasks.example.org")
class PasswordResetSilentMailServerTests {

	@RegisterExtension
	static final SilentSmtpServer SMTP = new SilentSmtpServer();

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		SMTP.addTo(registry);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	DataSource dataSource;

	@Test
	void theAnswerDoesNotWaitForTheMailServer() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> askForLink(ann.email()));

		await().until(answer::isDone);
		assertThat(answer.get()).isEqualTo(200);
		await().until(SMTP::accepted, accepted -> accepted == 1);
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		await().until(() -> pool.getHikariPoolMXBean().getActiveConnections(), active -> active == 0);
	}

	private int askForLink(String email) {
		try {
			return mvc.perform(post("/password-reset").with(csrf()).param("email", email)).andReturn().getResponse().getStatus();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
