package dev.taskflow.audit.internal;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/** One recorded task event: who (the owner), when, which task, and what changed. */
public record AuditEntry(long id, UUID eventId, UUID userId, long taskId, long sequence, String eventType,
		Instant occurredAt, String title, JsonNode changes) {
}
