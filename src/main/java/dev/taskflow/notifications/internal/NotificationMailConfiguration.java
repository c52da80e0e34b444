package dev.taskflow.notifications.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Notification mail is sent on threads of its own. On the application's task executor, which runs every
 * other module listener (the outbox relay to the Dapr sidecar among them), an unreachable mail server
 * would hold each of its threads for the SMTP time-outs and hold every other event back behind a burst
 * of reminders.
 *
 * This is a second {@code Executor} bean, so {@code spring.task.execution.mode=force} keeps Spring Boot's
 * application task executor for everything else.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class NotificationMailConfiguration {

	static final String MAIL_SENDERS = "notificationMailSenders";

	@Bean(MAIL_SENDERS)
	ThreadPoolTaskExecutor notificationMailSenders(NotificationsProperties properties) {
		ThreadPoolTaskExecutor senders = new ThreadPoolTaskExecutor();
		senders.setThreadNamePrefix("notification-mail-");
		senders.setCorePoolSize(properties.mailSenders());
		senders.setMaxPoolSize(properties.mailSenders());
		// no queue limit: a waiting mail is also an incomplete publication, so none is lost if the process
		// stops first; at shutdown no interrupt (one inside an H2 call closes the database), and what is
		// still queued after the wait is sent when the publication is resubmitted
		senders.setDaemon(true);
		senders.setWaitForTasksToCompleteOnShutdown(true);
		senders.setAwaitTerminationSeconds(15);
		return senders;
	}
}
