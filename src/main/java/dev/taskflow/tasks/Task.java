package dev.taskflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A task as stored: the user's draft plus identity, timestamps and the optimistic-locking version. */
public record Task(long id, UUID ownerId, String title, String description, TaskStatus status, Priority priority,
		List<String> tags, Due due, Instant createdAt, Instant updatedAt, Instant completedAt, int version) {

	public TaskDraft draft() {
		return new TaskDraft(title, description, status, priority, tags, due);
	}

	public boolean isCompleted() {
		return status == TaskStatus.COMPLETED;
	}
}
