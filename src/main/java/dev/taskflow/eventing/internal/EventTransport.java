package dev.taskflow.eventing.internal;

import dev.taskflow.eventing.EventEnvelope;

/**
 * The port between the outbox and a broker. Implementations either accept the event durably or
 * throw; the relay then leaves the publication incomplete and retries it later.
 */
public interface EventTransport {

	void publish(String topic, EventEnvelope event);

	/**
	 * True when {@link #publish} writes into the application's own database, inside the caller's
	 * transaction: such a transport needs no outbox in front of it (see {@link TransactionalOutbox}).
	 */
	default boolean queuesInTheCallersTransaction() {
		return false;
	}

	/** Thrown when the broker (or the sidecar in front of it) did not accept an event. */
	class TransportUnavailable extends RuntimeException {

		public TransportUnavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
