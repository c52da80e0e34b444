package dev.taskflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.taskflow.recurrence.Recurrence;

/** A task as stored: the user's draft plus identity, timestamps and the optimistic-locking version. */
public record Task(long id, UUID ownerId, String title, String description, TaskStatus status, Priority priority,
		List<String> tags, Due due, Recurrence recurrence, Series series, List<Reminder> reminders, Instant createdAt,
		Instant updatedAt, Instant completedAt, int version) {

	public TaskDraft draft() {
		return new TaskDraft(title, description, status, priority, tags, due, recurrence,
				reminders.stream().map(Reminder::spec).toList());
	}

	public boolean isRecurring() {
		return recurrence != null;
	}

	public boolean isCompleted() {
		return status == TaskStatus.COMPLETED;
	}
}
