package dev.taskflow.eventing.internal;

import java.lang.reflect.Method;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling drives the publication retries. Failed relay attempts are expected while a broker is
 * down or an event waits for its predecessor: they are logged as one line, not as an error with a
 * stack trace (the publication stays incomplete and is retried).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventingConfiguration implements AsyncConfigurer {

	private static final Logger log = LoggerFactory.getLogger(EventingConfiguration.class);

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (Throwable ex, Method method, Object... params) -> {
			if (ex instanceof EventTransport.TransportUnavailable || ex instanceof OutboxRelay.OutOfOrder) {
				log.warn("Event not relayed yet, will retry: {}", ex.getMessage());
			}
			else {
				log.error("Asynchronous listener {} failed", method, ex);
			}
		};
	}
}
