package dev.taskflow.notifications;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.taskflow.eventing.internal.ConsumerInvoker;
import dev.taskflow.support.TestUsers;
import dev.taskflow.support.TestUsers.TestUser;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

/** With an SMTP server configured (GreenMail, in process, on a free port), notifications are e-mailed too. */
@SpringBootTest
@AutoConfigureMockMvc
@TestPropertySource(properties = {
		"spring.datasource.url=jdbc:h2:mem:notification-mail-${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
		"taskflow.notifications.mail-from=TaskFlow <reminders@taskflow.test>" })
class NotificationMailTests {

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

	@Autowired
	ConsumerInvoker consumers;

	@Test
	void aNotificationIsMailedToItsUserAfterItIsStored() throws Exception {
		TestUser ann = TestUsers.signUp(mvc);

		consumers.deliver(consumers.consumer("notifications"), ReminderDueEvents.dueInFifteenMinutes(ann.id(), "Buy Milk"));

		mvc.perform(ann.as(get("/api/notifications"))).andExpect(jsonPath("$.items", hasSize(1)));
		await().until(() -> mailsTo(ann.email()).length == 1);
		MimeMessage mail = mailsTo(ann.email())[0];
		assertThat(mail.getSubject()).isEqualTo("Your task '\u2068Buy Milk\u2069' is due in 15 minutes");
		assertThat(mail.getFrom()[0].toString()).isEqualTo("TaskFlow <reminders@taskflow.test>");
		assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
			.containsExactly(ann.email());
		assertThat(mail.getContent().toString()).contains("Your task '\u2068Buy Milk\u2069' is due in 15 minutes");
	}

	@Test
	void aSlowMailServerCannotHoldAThreadForLong(@Autowired JavaMailSender sender) {
		assertThat(((JavaMailSenderImpl) sender).getJavaMailProperties()).containsEntry("mail.smtp.connectiontimeout", "5000")
			.containsEntry("mail.smtp.timeout", "10000")
			.containsEntry("mail.smtp.writetimeout", "10000");
	}

	private static MimeMessage[] mailsTo(String email) {
		return java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> {
			try {
				return mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(email);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}
}
