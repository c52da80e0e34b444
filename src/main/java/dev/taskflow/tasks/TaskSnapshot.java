package dev.taskflow.tasks;

import java.time.Instant;
import java.util.List;

/**
 * A task's user-visible state as carried by events: the {@code task} object of the event body
 * (docs/events.md). Values are the API's words ("pending", "high", "2026-12-01").
 */
public record TaskSnapshot(String title, String description, String status, String priority, List<String> tags,
		String dueAt, Boolean allDay, String recurrence, String recurrenceFrom, Long seriesId, Integer seriesIndex,
		String seriesAnchor, List<ReminderSnapshot> reminders) {

	/** A reminder as events carry it: the spec and, if known, when it fires. */
	public record ReminderSnapshot(Instant at, String before, Instant remindAt, boolean sent) {
	}

	public static TaskSnapshot of(Task task) {
		return new TaskSnapshot(task.title(), task.description(), task.status().value(), task.priority().value(),
				task.tags(), task.due() == null ? null : task.due().format(),
				task.due() == null ? null : task.due().allDay(),
				task.recurrence() == null ? null : task.recurrence().text(),
				task.recurrence() == null ? null : task.recurrence().from().value(),
				task.series() == null ? null : task.series().id(), task.series() == null ? null : task.series().index(),
				task.series() == null ? null : task.series().anchor(),
				task.reminders().stream()
					.map(r -> new ReminderSnapshot(r.at(), r.beforeText(),
							r.remindAt(), r.sent()))
					.toList());
	}
}
