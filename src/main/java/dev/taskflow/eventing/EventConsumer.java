package dev.taskflow.eventing;

import java.util.Set;

/**
 * A subscriber to one or more topics. The eventing module calls {@link #handle} inside a transaction
 * in which it has also recorded the event id in the inbox, so a redelivered event never reaches the
 * consumer twice: the effect and the inbox entry commit together or not at all.
 *
 * Throw {@link MalformedEvent} for an event that can never be handled; any other exception means
 * "try again later" (bounded retries with backoff, then the dead-letter store). Read the body's fields
 * through {@link EventEnvelope#body()}, which throws it for a field missing or of the wrong type.
 */
public interface EventConsumer {

	/** A stable name; the inbox keys processed events by it. */
	String name();

	/** The role ({@code TASKFLOW_ROLES}) that runs this consumer, e.g. {@code audit}. */
	String role();

	Set<String> topics();

	/**
	 * Whether this consumer needs events of this type at all. A consumer that acts on a few types of a
	 * busy topic says so, and the embedded transport queues no delivery of the others for it. With Dapr
	 * it still receives the whole topic, so {@link #handle} must ignore them as well.
	 */
	default boolean wants(String eventType) {
		return true;
	}

	void handle(EventEnvelope event);

	/**
	 * An effect outside the database (a call to the sidecar, say), run once {@link #handle}'s transaction
	 * has committed and given its connection back, so a slow service holds no connection; only when
	 * {@code handle} ran, not for a redelivery the inbox stopped. It cannot undo {@code handle}, and a
	 * crash before it or a failure in it (logged) is not retried: the consumer needs another way to make up
	 * for a missed one.
	 */
	default void afterCommit(EventEnvelope event) {
	}
}
