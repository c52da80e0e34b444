package dev.taskflow.platform.internal;

import dev.taskflow.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * How a scheduled round that failed is logged. TaskFlow's own rounds catch a database outage and say so in
 * one line, but Spring Modulith's staleness check does not: during an outage it logged an ERROR with a
 * 65-line stack trace each time. An outage is now one line from any round; anything else keeps its trace.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledRoundErrors implements ErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(ScheduledRoundErrors.class);

	@Bean
	ThreadPoolTaskSchedulerCustomizer scheduledRoundErrorsOnPlatformThreads() {
		return scheduler -> scheduler.setErrorHandler(this);
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer scheduledRoundErrorsOnVirtualThreads() {
		return scheduler -> scheduler.setErrorHandler(this);
	}

	@Override
	public void handleError(Throwable failure) {
		if (DatabaseUnavailable.causedBy(failure)) {
			log.warn("A scheduled round could not reach the database; it runs again on its schedule: {}",
					deepest(failure).getMessage());
			return;
		}
		log.error("A scheduled round failed", failure);
	}

	private static Throwable deepest(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}
}
