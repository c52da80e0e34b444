package dev.taskflow.web.live;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.taskflow.support.EventStreamClient;
import dev.taskflow.support.FormBrowser;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A password or e-mail change, on the account page or through a reset link, ends the live streams of the
 * account's other sessions at once, over real HTTP: a stream makes no request after it opened, so the
 * check each request of a session gets would never reach it. The heartbeat is far off, so what ends
 * them here is the change itself, not the heartbeat's check (which {@link LiveStreamsOfOtherProcessesTests}
 * covers).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:sign-in-change-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.live.heartbeat=10m", "taskflow.live.stream-timeout=30m",
		"taskflow.accounts.public-url=https://tasks.example.org/" })
class SignInChangeEndsStreamsTests {

	private static final String NEW_PASSWORD = "another fine passphrase";

	private static final Pattern LINK = Pattern.compile("https://tasks\\.example\\.org/password-reset/([A-Za-z0-9_-]{20,})");

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	LiveStreams streams;

	private final List<EventStreamClient> clients = new ArrayList<>();

	@AfterEach
	void hangUp() {
		clients.forEach(EventStreamClient::close);
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsStreamsAndKeepsTheChangersAndTheTokens() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		FormBrowser laptop = FormBrowser.signedIn(port, ann);
		FormBrowser phone = FormBrowser.signedIn(port, ann);
		EventStreamClient laptopStream = connect(laptop);
		EventStreamClient phoneStream = connect(phone);
		EventStreamClient script = connect(ann);

		laptop.submit("/account", "/account/password", "currentPassword", TestUsers.PASSWORD, "newPassword",
				NEW_PASSWORD);

		await().until(phoneStream::ended);
		assertStillOpen(ann, laptopStream, script);
		// the laptop's session has a new id since it signed in again; signing out still ends its stream
		laptop.submit("/tasks", "/logout");
		await().until(laptopStream::ended);
		assertThat(script.ended()).isFalse();
	}

	@Test
	void changingTheEmailEndsTheOtherSessionsStreamsAndKeepsTheChangersAndTheTokens() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		FormBrowser laptop = FormBrowser.signedIn(port, ann);
		FormBrowser phone = FormBrowser.signedIn(port, ann);
		EventStreamClient laptopStream = connect(laptop);
		EventStreamClient phoneStream = connect(phone);
		EventStreamClient script = connect(ann);

		laptop.submit("/account", "/account/email", "email", TestUsers.newEmail(), "currentPassword",
				TestUsers.PASSWORD);

		await().until(phoneStream::ended);
		assertStillOpen(ann, laptopStream, script);
	}

	@Test
	void aPasswordResetLinkEndsEverySessionsStreamsAndKeepsTheTokens() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);
		FormBrowser laptop = FormBrowser.signedIn(port, ann);
		FormBrowser phone = FormBrowser.signedIn(port, ann);
		EventStreamClient laptopStream = connect(laptop);
		EventStreamClient phoneStream = connect(phone);
		EventStreamClient script = connect(ann);

		mvc.perform(post("/password-reset").with(csrf()).param("email", ann.email())).andExpect(status().isOk());
		String secret = resetSecretMailedTo(ann.email());
		mvc.perform(post("/password-reset/" + secret).with(csrf()).param("password", NEW_PASSWORD))
			.andExpect(redirectedUrl("/login?reset"));

		await().until(() -> laptopStream.ended() && phoneStream.ended());
		assertStillOpen(ann, script);
	}

	/** Open, and still told of the account's changes. */
	private void assertStillOpen(TestUser ann, EventStreamClient... open) throws Exception {
		long task = ann.createTask(mvc, "{\"title\": \"Still told\"}");
		for (EventStreamClient stream : open) {
			await().until(() -> stream.events("task.created").stream().anyMatch(e -> e.data().contains("Still told")));
			assertThat(stream.ended()).isFalse();
		}
		assertThat(streams.openStreams(UUID.fromString(ann.id()))).as("task %s", task).isEqualTo(open.length);
	}

	private EventStreamClient connect(FormBrowser browser) throws Exception {
		return connected(EventStreamClient.open(browser.http(),
				browser.request("/api/stream").header("Accept", "text/event-stream").GET().build()));
	}

	private EventStreamClient connect(TestUser user) throws Exception {
		return connected(EventStreamClient.open(HttpClient.newHttpClient(),
				"http://localhost:" + port + "/api/stream", user.token()));
	}

	/** Waits for the greeting, after which the stream receives everything. */
	private EventStreamClient connected(EventStreamClient client) {
		clients.add(client);
		assertThat(client.response().statusCode()).isEqualTo(200);
		await().until(() -> client.comments().contains("connected"));
		return client;
	}

	private static String resetSecretMailedTo(String email) {
		await().until(() -> mailsTo(email).length == 1);
		Matcher link = LINK.matcher(GreenMailUtil.getBody(mailsTo(email)[0]).replace("=\r\n", ""));
		assertThat(link.find()).isTrue();
		return link.group(1);
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
