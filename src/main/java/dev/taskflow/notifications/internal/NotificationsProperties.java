package dev.taskflow.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mailFrom the sender of notification e-mails ({@code SMTP_FROM}); e-mail is sent only when an
 * SMTP host is configured ({@code SMTP_HOST} or {@code spring.mail.host})
 * @param mailSenders mails sent at the same time, each on a thread of its own that an unreachable mail
 * server holds up to its time-outs; the rest wait their turn
 */
@ConfigurationProperties("taskflow.notifications")
public record NotificationsProperties(String mailFrom, Integer mailSenders) {

	public NotificationsProperties {
		mailFrom = mailFrom == null || mailFrom.isBlank() ? "TaskFlow <taskflow@localhost>" : mailFrom.strip();
		mailSenders = mailSenders == null ? 2 : mailSenders;
		if (mailSenders < 1) {
			throw new IllegalArgumentException("taskflow.notifications.mail-senders must be at least 1");
		}
	}
}
