package dev.taskflow.recurrence;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;

/**
 * When an instance of a recurring task is due, in the two forms a due date takes: a whole day
 * ({@code 2026-12-01}) or a moment with an offset ({@code 2026-12-01T09:00:00+01:00}).
 */
public record Occurrence(LocalDate date, OffsetDateTime dateTime) {

	/** The last year a task may be due in (TaskFlow neither takes nor reads back a later one): a series ends there. */
	public static final int LAST_YEAR = 9999;

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

	/** Whether this falls in {@link #LAST_YEAR} or before, in its own offset and in UTC. */
	public boolean byLastYear() {
		return isAllDay() ? date.getYear() <= LAST_YEAR
				: dateTime.getYear() <= LAST_YEAR && dateTime.withOffsetSameInstant(ZoneOffset.UTC).getYear() <= LAST_YEAR;
	}

	/**
	 * A wall-clock time in {@code zone} as a moment with an offset. A time the spring gap skips (2:30 when
	 * clocks go from 2:00 to 3:00) is written with the offset before the gap: the same moment as 3:30 after
	 * it, but the 2:30 asked for stays readable, so a series can go on at 2:30 on the days after.
	 */
	public static OffsetDateTime wallClock(LocalDateTime local, ZoneId zone) {
		ZoneOffsetTransition transition = zone.getRules().getTransition(local);
		if (transition != null && transition.isGap()) {
			return local.atOffset(transition.getOffsetBefore());
		}
		return local.atZone(zone).toOffsetDateTime();
	}

	/**
	 * The wall-clock time in {@code zone} to the second; a whole day is its midnight. A time written as
	 * {@link #wallClock} writes one in the spring gap reads as written (2:30, not 3:30).
	 */
	public LocalDateTime localIn(ZoneId zone) {
		if (isAllDay()) {
			return date.atStartOfDay();
		}
		LocalDateTime written = dateTime.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
		ZoneOffsetTransition transition = zone.getRules().getTransition(written);
		if (transition != null && transition.isGap() && transition.getOffsetBefore().equals(dateTime.getOffset())) {
			return written;
		}
		return dateTime.atZoneSameInstant(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
	}
}
