package dev.taskflow.tasks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Task;

/**
 * A task as the list shows it, with its due date already in the reader's time zone and in words.
 *
 * @param priority the priority word, or null for none
 * @param due e.g. "Tomorrow" or "Fri 4 Dec, 09:00"; null without a due date
 * @param dueValue the due date in ISO form, for the {@code <time>} element
 * @param overdue pending and past due
 */
record TaskRow(long id, String title, String description, boolean completed, String priority, List<String> tags,
		String due, String dueValue, boolean overdue) {

	private static final DateTimeFormatter DAY_THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	static TaskRow of(Task task, ZoneId zone, Instant now) {
		Due due = task.due();
		return new TaskRow(task.id(), task.title(), task.description(), task.isCompleted(),
				task.priority() == Priority.NONE ? null : task.priority().value(), task.tags(),
				due == null ? null : describe(due, zone, LocalDate.ofInstant(now, zone)),
				due == null ? null : due.format(),
				due != null && !task.isCompleted() && due.overdueAt(zone).isBefore(now));
	}

	private static String describe(Due due, ZoneId zone, LocalDate today) {
		if (due.allDay()) {
			return day(due.date(), today);
		}
		ZonedDateTime at = due.dateTime().atZoneSameInstant(zone);
		return day(at.toLocalDate(), today) + ", " + at.format(TIME);
	}

	private static String day(LocalDate date, LocalDate today) {
		long days = ChronoUnit.DAYS.between(today, date);
		if (days == 0) {
			return "Today";
		}
		if (days == 1) {
			return "Tomorrow";
		}
		if (days == -1) {
			return "Yesterday";
		}
		return date.format(date.getYear() == today.getYear() ? DAY_THIS_YEAR : DAY);
	}
}
