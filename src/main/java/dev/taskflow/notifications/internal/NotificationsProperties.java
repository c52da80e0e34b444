package dev.taskflow.notifications.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param mailFrom the sender of notification e-mails ({@code SMTP_FROM}); e-mail is sent only when an
 * SMTP host is configured ({@code SMTP_HOST} or {@code spring.mail.host})
 */
@ConfigurationProperties("taskflow.notifications")
public record NotificationsProperties(String mailFrom) {

	public NotificationsProperties {
		mailFrom = mailFrom == null || mailFrom.isBlank() ? "TaskFlow <taskflow@localhost>" : mailFrom.strip();
	}
}
