package dev.taskflow.platform.internal;

import dev.taskflow.platform.MailSenders;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The {@link MailSenders} pool. It is a second {@code Executor} bean beside Spring Boot's application
 * task executor, which {@code spring.task.execution.mode=force} keeps (Boot would otherwise leave it out).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.mail", name = "host")
class MailSendersConfiguration {

	@Bean(MailSenders.EXECUTOR)
	ThreadPoolTaskExecutor mailSenders(MailSendersProperties properties) {
		ThreadPoolTaskExecutor senders = new ThreadPoolTaskExecutor();
		senders.setThreadNamePrefix("mail-sender-");
		senders.setCorePoolSize(properties.senders());
		senders.setMaxPoolSize(properties.senders());
		// no queue limit: mails wait their turn. At shutdown no interrupt (one inside an H2 call closes the
		// database); what is still queued after the wait is lost unless its sender keeps it (notification
		// mail is an event publication until sent)
		senders.setDaemon(true);
		senders.setWaitForTasksToCompleteOnShutdown(true);
		senders.setAwaitTerminationSeconds(15);
		return senders;
	}

	/** @param senders mails sent at the same time; the rest wait */
	@ConfigurationProperties("taskflow.mail")
	record MailSendersProperties(Integer senders) {

		MailSendersProperties {
			senders = senders == null ? 2 : senders;
			if (senders < 1) {
				throw new IllegalArgumentException("taskflow.mail.senders must be at least 1, was " + senders);
			}
		}
	}
}
