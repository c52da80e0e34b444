package dev.taskflow.recurrence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * When an instance of a recurring task is due, in the two forms a due date takes: a whole day
 * ({@code 2026-12-01}) or a moment with an offset ({@code 2026-12-01T09:00:00+01:00}).
 */
public record Occurrence(LocalDate date, OffsetDateTime dateTime) {

	public Occurrence {
		if ((date == null) == (dateTime == null)) {
			throw new IllegalArgumentException("An occurrence is either a date or a date-time");
		}
	}

	public static Occurrence allDay(LocalDate date) {
		return new Occurrence(date, null);
	}

	public static Occurrence at(OffsetDateTime dateTime) {
		return new Occurrence(null, dateTime);
	}

	/**
	 * Reads a {@code due_at} as task events carry it.
	 * @throws DateTimeException if it is neither form
	 */
	public static Occurrence parse(String dueAt) {
		return dueAt.length() == 10 ? allDay(LocalDate.parse(dueAt)) : at(OffsetDateTime.parse(dueAt));
	}

	public boolean isAllDay() {
		return date != null;
	}

	/** The wall-clock time in {@code zone} to the second; a whole day is its midnight. */
	public LocalDateTime localIn(ZoneId zone) {
		return isAllDay() ? date.atStartOfDay()
				: dateTime.atZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
	}
}
