package dev.taskflow.tasks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import dev.taskflow.platform.DisplayTime;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Task;

/**
 * A task as the list shows it, with its due date already in the reader's time zone and in words.
 *
 * @param priority the priority word, or null for none
 * @param due e.g. "Tomorrow" or "Fri 4 Dec, 09:00"; null without a due date
 * @param dueValue the due date in ISO form, for the {@code <time>} element
 * @param overdue pending and past due
 * @param repeats how the task repeats, in words ("Every 2 weeks on Mon and Wed"); null if it does not
 * @param nextReminder when its next reminder fires, in words; null if none is to come
 * @param version the task's version the row shows: a live update whose {@code sequence} is no newer is one
 * the row already shows (the answer to this page's own action), so it is left as it is
 */
record TaskRow(long id, String title, String description, boolean completed, String priority, List<String> tags,
		String due, String dueValue, boolean overdue, String repeats, String nextReminder, int version) {

	static TaskRow of(Task task, ZoneId zone, Instant now) {
		Due due = task.due();
		return new TaskRow(task.id(), task.title(), task.description(), task.isCompleted(),
				task.priority() == Priority.NONE ? null : task.priority().value(), task.tags(),
				due == null ? null : describe(due, zone, now),
				due == null ? null : due.format(),
				due != null && !task.isCompleted() && due.overdueAt(zone).isBefore(now),
				task.recurrence() == null ? null : task.recurrence().sentence(),
				task.isCompleted() ? null : nextReminder(task, zone, now), task.version());
	}

	/** The earliest reminder not sent yet (one that is late still counts: it is about to fire). */
	private static String nextReminder(Task task, ZoneId zone, Instant now) {
		return task.reminders()
			.stream()
			.filter(reminder -> !reminder.sent() && reminder.remindAt() != null)
			.map(Reminder::remindAt)
			.min(Comparator.naturalOrder())
			.map(at -> DisplayTime.moment(at, zone, now))
			.orElse(null);
	}

	private static String describe(Due due, ZoneId zone, Instant now) {
		return due.allDay() ? DisplayTime.day(due.date(), LocalDate.ofInstant(now, zone))
				: DisplayTime.moment(due.dateTime().toInstant(), zone, now);
	}
}
