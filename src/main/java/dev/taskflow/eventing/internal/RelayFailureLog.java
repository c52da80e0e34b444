package dev.taskflow.eventing.internal;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.taskflow.eventing.internal.EventTransport.TransportUnavailable;
import dev.taskflow.platform.RoutineLogMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How a failed relay is logged. Failures are expected while a broker is down or an event waits for its
 * predecessor, and the publication stays in the outbox for a retry, so none is an error with a stack
 * trace, and none is a line per event: under load that is hundreds of lines a second saying the same.
 * <ul>
 * <li>transport unreachable: {@link TransportOutage} logs the outage once when it begins and once when it
 * ends;
 * <li>transport answered but refused (a broker down behind a healthy sidecar): the first refusal, then at
 * most one line a {@link #REFUSALS_QUIET minute} with how many more there were;
 * <li>waiting for its predecessor: routine, DEBUG.
 * </ul>
 * Spring Modulith's own INFO line for each failed attempt of the relay is routine too.
 */
@Component
class RelayFailureLog implements RoutineLogMessage {

	/** Spring Modulith's interceptor marks a publication failed and says so at INFO, for every one. */
	private static final RoutineLogMessage MODULITH_FAILED_INVOCATION = RoutineLogMessage.startingWith(
			"org.springframework.modulith.events.support."
					+ "CompletionRegisteringAdvisor$CompletionRegisteringMethodInterceptor",
			"Invocation of listener");

	private static final Logger log = LoggerFactory.getLogger(RelayFailureLog.class);

	static final Duration REFUSALS_QUIET = Duration.ofMinutes(1);

	private final Clock clock;

	/** Guarded by {@code this}. */
	private Instant nextRefusalLine = Instant.MIN;

	/** Guarded by {@code this}. */
	private long refusalsNotLogged;

	RelayFailureLog(Clock clock) {
		this.clock = clock;
	}

	void failed(Method listener, Throwable ex) {
		if (ex instanceof TransportUnavailable unavailable) {
			if (unavailable.unreachable()) {
				log.debug("Event not relayed, the transport is unreachable: {}", ex.getMessage());
			}
			else {
				refused(unavailable);
			}
		}
		else if (ex instanceof OutboxRelay.OutOfOrder) {
			log.debug("Event not relayed yet: {}", ex.getMessage());
		}
		else {
			log.error("Asynchronous listener {} failed", listener, ex);
		}
	}

	@Override
	public boolean matches(String logger, String format, Object[] params) {
		return MODULITH_FAILED_INVOCATION.matches(logger, format, params) && params != null && params.length > 0
				&& params[0] instanceof Method listener && listener.getDeclaringClass() == OutboxRelay.class;
	}

	private synchronized void refused(TransportUnavailable ex) {
		Instant now = clock.instant();
		if (now.isBefore(nextRefusalLine)) {
			refusalsNotLogged++;
			return;
		}
		nextRefusalLine = now.plus(REFUSALS_QUIET);
		long more = refusalsNotLogged;
		refusalsNotLogged = 0;
		log.warn("Event not relayed, will retry: {}{}", ex.getMessage(),
				more == 0 ? "" : " (and " + more + " more refused since the last such line)");
	}
}
