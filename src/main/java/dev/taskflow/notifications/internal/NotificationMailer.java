package dev.taskflow.notifications.internal;

import dev.taskflow.accounts.Accounts;
import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.platform.MailSenders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends each new notification to its user's e-mail address, after the notification has committed.
 * Exists only when an SMTP host is configured. A failed send is logged and not retried: the
 * notification itself is safe in the inbox, and a mail server that refuses now should not hold up
 * anything else.
 *
 * It is a module listener like any other (Spring Modulith keeps the publication until it has run), but on
 * the {@linkplain MailSenders mail senders' threads}, and without a transaction of its own:
 * {@code @ApplicationModuleListener} would hold a database connection for as long as the mail server takes
 * to answer.
 */
@Component
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private final JavaMailSender mail;

	private final Accounts accounts;

	private final NotificationsProperties properties;

	NotificationMailer(JavaMailSender mail, Accounts accounts, NotificationsProperties properties) {
		this.mail = mail;
		this.accounts = accounts;
		this.properties = properties;
	}

	@Async(MailSenders.EXECUTOR)
	@TransactionalEventListener
	void on(NotificationCreated notification) {
		CurrentUser user = accounts.find(notification.userId()).orElse(null);
		if (user == null) {
			log.debug("Notification {} not mailed: its user no longer exists", notification.notificationId());
			return;
		}
		if (!accounts.notificationPreferencesOf(user.id()).email()) {
			log.debug("Notification {} not mailed: its user turned e-mail off", notification.notificationId());
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.mailFrom());
		message.setTo(user.email());
		message.setSubject(singleLine(notification.message()));
		message.setText(notification.message() + "\n\n-- \nTaskFlow. You get this e-mail because a reminder of"
				+ " one of your tasks came due.\n");
		try {
			mail.send(message);
		}
		catch (MailException ex) {
			log.warn("Could not e-mail notification {} (it stays in the inbox): {}", notification.notificationId(),
					ex.getMessage());
		}
	}

	/** Task titles are the user's text; a header must not be split by it. */
	private static String singleLine(String text) {
		return text.replaceAll("[\\r\\n\\t\\p{Cntrl}]+", " ");
	}
}
