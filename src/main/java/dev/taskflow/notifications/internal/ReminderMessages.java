package dev.taskflow.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import dev.taskflow.platform.UserText;

/**
 * The sentence a reminder becomes, e.g. "Your task 'Buy milk' is due in 15 minutes". Time is measured
 * from when the notification is made (a reminder handled late must not claim the old lead time) and
 * rounded to the minute; dates are spoken in the user's time zone.
 */
final class ReminderMessages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, d MMMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy",
			Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private ReminderMessages() {
	}

	/**
	 * @param dueAt the task's due date as in task JSON: a date ({@code 2026-12-01}, all day), a date-time
	 * with offset, or null
	 * @throws IllegalArgumentException if {@code dueAt} is neither
	 */
	static String message(String title, String dueAt, Instant now, ZoneId zone) {
		String task = "Your task '" + UserText.isolated(title) + "'";
		if (dueAt == null || dueAt.isBlank()) {
			return "Reminder: " + task.substring(0, 1).toLowerCase(Locale.ROOT) + task.substring(1);
		}
		try {
			return dueAt.length() == 10 ? task + " " + allDay(LocalDate.parse(dueAt), now, zone)
					: task + " " + timed(OffsetDateTime.parse(dueAt).toInstant(), now, zone);
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new IllegalArgumentException("due_at is neither a date nor a date-time: " + dueAt, ex);
		}
	}

	private static String allDay(LocalDate due, Instant now, ZoneId zone) {
		LocalDate today = now.atZone(zone).toLocalDate();
		long days = ChronoUnit.DAYS.between(today, due);
		if (days == 0) {
			return "is due today";
		}
		if (days == 1) {
			return "is due tomorrow";
		}
		if (days == -1) {
			return "was due yesterday";
		}
		return (days > 0 ? "is due on " : "was due on ") + day(due, today);
	}

	private static String timed(Instant due, Instant now, ZoneId zone) {
		long minutes = Math.round(Duration.between(now, due).getSeconds() / 60.0);
		if (minutes == 0) {
			return "is due now";
		}
		long abs = Math.abs(minutes);
		if (abs < 24 * 60) {
			return minutes > 0 ? "is due in " + span(abs) : "was due " + span(abs) + " ago";
		}
		ZonedDateTime local = due.atZone(zone);
		String when = day(local.toLocalDate(), now.atZone(zone).toLocalDate()) + " at " + TIME.format(local);
		return (minutes > 0 ? "is due on " : "was due on ") + when;
	}

	private static String span(long minutes) {
		long hours = minutes / 60;
		long rest = minutes % 60;
		if (hours == 0) {
			return count(rest, "minute");
		}
		return rest == 0 ? count(hours, "hour") : count(hours, "hour") + " " + count(rest, "minute");
	}

	private static String count(long n, String unit) {
		return n + " " + unit + (n == 1 ? "" : "s");
	}

	private static String day(LocalDate date, LocalDate today) {
		return (date.getYear() == today.getYear() ? DAY : DAY_AND_YEAR).format(date);
	}
}
