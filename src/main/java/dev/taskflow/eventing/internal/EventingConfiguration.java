package dev.taskflow.eventing.internal;

import java.lang.reflect.Method;

import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling drives the publication retries. A failed relay attempt is logged by
 * {@link RelayFailureLog} (the publication stays incomplete and is retried).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class EventingConfiguration implements AsyncConfigurer {

	private final RelayFailureLog relayFailures;

	EventingConfiguration(RelayFailureLog relayFailures) {
		this.relayFailures = relayFailures;
	}

	@Override
	public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
		return (Throwable ex, Method method, Object... params) -> relayFailures.failed(method, ex);
	}
}
