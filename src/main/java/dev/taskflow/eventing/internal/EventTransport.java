package dev.taskflow.eventing.internal;

import dev.taskflow.eventing.EventEnvelope;

/**
 * The port between the outbox relay and a broker. Implementations either accept the event durably or
 * throw; the relay then leaves the publication incomplete and retries it later.
 */
public interface EventTransport {

	void publish(String topic, EventEnvelope event);

	/** Thrown when the broker (or the sidecar in front of it) did not accept an event. */
	class TransportUnavailable extends RuntimeException {

		public TransportUnavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
