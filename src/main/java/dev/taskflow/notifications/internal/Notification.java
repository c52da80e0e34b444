package dev.taskflow.notifications.internal;

import java.time.Instant;
import java.util.UUID;

/** One entry of a user's inbox; {@code readAt} is null while unread. */
public record Notification(long id, UUID userId, long taskId, String title, String message, Instant createdAt,
		Instant readAt) {

	public boolean read() {
		return readAt != null;
	}
}
