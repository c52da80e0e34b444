package dev.taskflow.tasks;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.taskflow.recurrence.Occurrence;
import dev.taskflow.recurrence.Recurrence;

/** A task as stored: the user's draft plus identity, timestamps and the optimistic-locking version. */
public record Task(long id, UUID ownerId, String title, String description, TaskStatus status, Priority priority,
		List<String> tags, Due due, Recurrence recurrence, Series series, List<Reminder> reminders, Instant createdAt,
		Instant updatedAt, Instant completedAt, int version) {

	public TaskDraft draft() {
		return new TaskDraft(title, description, status, priority, tags, due, recurrence,
				reminders.stream().map(Reminder::spec).toList());
	}

	/** The reminders as they fire in {@code zone}; only an all-day task's relative ones depend on it. */
	public List<Reminder> remindersIn(ZoneId zone) {
		return reminders.stream().map(reminder -> reminder.retimed(due, zone)).toList();
	}

	public boolean isRecurring() {
		return recurrence != null;
	}

	public boolean isCompleted() {
		return status == TaskStatus.COMPLETED;
	}

	/**
	 * When the instance after this completed recurring task falls due: the due the recurrence module
	 * gives the next instance it creates shortly after the completion, known here before it exists.
	 * Empty for a task that is not a completed recurring one, or whose series has ended.
	 */
	public Optional<Occurrence> nextOccurrence(ZoneId zone) {
		if (!isRecurring() || !isCompleted()) {
			return Optional.empty();
		}
		// read from the forms task events carry, so this is the same computation the consumer makes
		Occurrence previousDue = due == null ? null : Occurrence.parse(due.format());
		Occurrence anchor = series == null || series.anchor() == null ? null : Occurrence.parse(series.anchor());
		return recurrence.nextAfter(previousDue, anchor, completedAt, series == null ? 1 : series.index(), zone);
	}
}
