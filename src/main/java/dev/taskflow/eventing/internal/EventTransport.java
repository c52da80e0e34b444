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

	/**
	 * A cheap check that a {@link #publish} could reach the broker (or the sidecar in front of it) now,
	 * asked only after one could not: while it is false, retrying the outbox is pointless.
	 */
	default boolean isReachable() {
		return true;
	}

	/** Thrown when the broker (or the sidecar in front of it) did not accept an event. */
	class TransportUnavailable extends RuntimeException {

		private final boolean unreachable;

		/** The transport answered, but did not take the event. */
		public TransportUnavailable(String message, Throwable cause) {
			this(message, cause, false);
		}

		/** @param unreachable true when the transport gave no answer at all (refused or timed out) */
		public TransportUnavailable(String message, Throwable cause, boolean unreachable) {
			super(message, cause);
			this.unreachable = unreachable;
		}

		public boolean unreachable() {
			return unreachable;
		}
	}
}
