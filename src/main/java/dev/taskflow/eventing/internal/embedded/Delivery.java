package dev.taskflow.eventing.internal.embedded;

import java.time.Instant;
import java.util.UUID;

/** One event queued for one consumer. */
public record Delivery(long id, String consumer, String topic, String partitionKey, UUID eventId, String eventType,
		String payload, String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt) {

	/** Deliveries with the same lane are handed over strictly one after the other. */
	String lane() {
		return consumer + "|" + topic + "|" + partitionKey;
	}
}
