package dev.taskflow.tasks.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Task;

/**
 * A task as the API shows it (snake_case). {@code due_at} echoes the form given: a date for an all-day
 * task, a date-time with offset otherwise; {@code all_day} says which (null without a due date).
 * {@code series_index} and {@code series_anchor} say where a recurring task stands in its series (which
 * instance, and the due the schedule counts from), so an export carries what its import needs.
 */
record TaskResponse(long id, String title, String description, String status, String priority, List<String> tags,
		String dueAt, Boolean allDay, String recurrence, String recurrenceFrom, Long seriesId, Integer seriesIndex,
		String seriesAnchor, List<ReminderResponse> reminders, Instant createdAt, Instant updatedAt, Instant completedAt, int version) {

	/**
	 * A reminder as asked for ({@code at} or {@code before}), when it fires and whether it has;
	 * {@code snoozed: true} (absent otherwise) for one added by snoozing a notification.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ReminderResponse(Instant at, String before, Instant remindAt, boolean sent, Boolean snoozed) {

		static ReminderResponse of(Reminder reminder) {
			return new ReminderResponse(reminder.at(), reminder.beforeText(),
					reminder.remindAt(), reminder.sent(), reminder.snoozed() ? Boolean.TRUE : null);
		}
	}

	static TaskResponse of(Task task) {
		Recurrence recurrence = task.recurrence();
		return new TaskResponse(task.id(), task.title(), task.description(), task.status().value(),
				task.priority().value(), task.tags(), task.due() == null ? null : task.due().format(),
				task.due() == null ? null : task.due().allDay(), recurrence == null ? null : recurrence.text(),
				recurrence == null ? null : recurrence.from().value(), task.series() == null ? null : task.series().id(),
				task.series() == null ? null : task.series().index(), task.series() == null ? null : task.series().anchor(),
				task.reminders().stream().map(ReminderResponse::of).toList(), task.createdAt(), task.updatedAt(),
				task.completedAt(), task.version());
	}

	String etag() {
		return "\"" + version + "\"";
	}
}
