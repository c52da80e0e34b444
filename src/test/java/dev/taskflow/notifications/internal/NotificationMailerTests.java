package dev.taskflow.notifications.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.accounts.NotificationPreferences;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The listener's own rules; sending through a real SMTP server is in NotificationMailTests. */
class NotificationMailerTests {

	private final UUID userId = UUID.randomUUID();

	private final RecordingSender sender = new RecordingSender();

	private boolean emailWanted = true;

	@Test
	void aMailServerThatFailsIsLoggedAndDoesNotFailTheListener() {
		sender.fail = true;
		NotificationMailer mailer = new NotificationMailer(sender, accounts(true), new NotificationsProperties(null));

		assertThatNoException().isThrownBy(() -> mailer.on(created("Your task 'Buy Milk' is due now")));
		assertThat(sender.sent).hasSize(1);
	}

	@Test
	void theSubjectStaysOneLineWhateverTheTitle() {
		NotificationMailer mailer = new NotificationMailer(sender, accounts(true),
				new NotificationsProperties("Reminders <reminders@example.com>"));

		mailer.on(created("Your task 'Buy\r\nBcc: x@example.com' is due now"));

		SimpleMailMessage mail = sender.sent.get(0);
		assertThat(mail.getSubject()).isEqualTo("Your task 'Buy Bcc: x@example.com' is due now");
		assertThat(mail.getTo()).containsExactly("ann@example.com");
		assertThat(mail.getFrom()).isEqualTo("Reminders <reminders@example.com>");
	}

	@Test
	void nothingIsSentForAUserWhoNoLongerExists() {
		new NotificationMailer(sender, accounts(false), new NotificationsProperties(null)).on(created("Hi"));

		assertThat(sender.sent).isEmpty();
	}

	@Test
	void nothingIsSentToAUserWhoTurnedEmailOff() {
		emailWanted = false;
		new NotificationMailer(sender, accounts(true), new NotificationsProperties(null)).on(created("Hi"));

		assertThat(sender.sent).isEmpty();
	}

	private NotificationCreated created(String message) {
		return new NotificationCreated(1, userId, "Buy Milk", message);
	}

	private Accounts accounts(boolean exists) {
		return new Accounts() {
			@Override
			public CurrentUser register(String email, String password, String timeZone) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Optional<CurrentUser> find(UUID id) {
				return exists && id.equals(userId)
						? Optional.of(new CurrentUser(id, "ann@example.com", ZoneId.of("UTC"))) : Optional.empty();
			}

			@Override
			public boolean holdAccount(UUID id) {
				throw new UnsupportedOperationException();
			}

			@Override
			public boolean holdAccountAlone(UUID id) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Optional<ZoneId> holdTimeZone(UUID id) {
				throw new UnsupportedOperationException();
			}

			@Override
			public CurrentUser changeTimeZone(UUID id, String timeZone) {
				throw new UnsupportedOperationException();
			}

			@Override
			public ZoneId timeZoneOf(UUID id) {
				return ZoneId.of("UTC");
			}

			@Override
			public NotificationPreferences notificationPreferencesOf(UUID id) {
				return new NotificationPreferences(true, true, emailWanted);
			}
		};
	}

	static class RecordingSender extends JavaMailSenderImpl {

		final List<SimpleMailMessage> sent = new ArrayList<>();

		boolean fail;

		@Override
		public void send(SimpleMailMessage... messages) {
			sent.addAll(List.of(messages));
			if (fail) {
				throw new MailSendException("Connection refused");
			}
		}
	}
}
