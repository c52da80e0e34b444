package dev.taskflow.tasks;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.recurrence.Occurrence;

/**
 * When a task is due: either a whole day ({@code 2026-12-01}, read in the owner's time zone) or an
 * exact moment with an offset ({@code 2026-12-01T09:00:00+02:00}). The form given is kept, so the API
 * echoes what the user wrote.
 */
public record Due(LocalDate date, OffsetDateTime dateTime) {

	public Due {
		if ((date == null) == (dateTime == null)) {
			throw new IllegalArgumentException("A due value is either a date or a date-time");
		}
		if (dateTime != null) {
			dateTime = dateTime.truncatedTo(ChronoUnit.MICROS);
		}
	}

	public static Due allDay(LocalDate date) {
		return new Due(date, null);
	}

	public static Due at(OffsetDateTime dateTime) {
		return new Due(null, dateTime);
	}

	/** The first and last year a due date, a reminder or a list filter may name. */
	public static final int FIRST_YEAR = 1900;

	public static final int LAST_YEAR = Occurrence.LAST_YEAR;

	/** The range in words, for a date. */
	public static final String YEARS_IN_WORDS = "in the years " + FIRST_YEAR + " to " + LAST_YEAR;

	/**
	 * The range in words, for a moment: it must lie in the range in UTC as well as in its own offset, since
	 * every moment is also written in UTC (a reminder's {@code remind_at}): 9999-12-31T23:00-11:00 is the
	 * year 10000 there.
	 */
	public static final String MOMENT_YEARS_IN_WORDS = YEARS_IN_WORDS + " (in UTC too)";

	/** How {@link #parse} wants its input, for messages. */
	public static final String EXPECTED = "a date (2026-12-01) or a date-time with offset (2026-12-01T09:00:00+01:00) "
			+ MOMENT_YEARS_IN_WORDS;

	/**
	 * Reads {@code 2026-12-01}, {@code 2026-12-01T09:00:00+02:00} or {@code …Z}. A date-time without an
	 * offset is taken in the given zone, the way a person means "9 o'clock" (a time in the spring gap as
	 * {@link Occurrence#wallClock} writes it). Dates outside the years
	 * 1900 to 9999, and offsets with seconds, are refused: no one plans a task there, and the arithmetic
	 * of reminders and recurrence would overflow or fail on them long after the request was accepted.
	 */
	public static Optional<Due> parse(String text, ZoneId zone) {
		String value = text.trim();
		try {
			if (value.length() == 10) {
				return Optional.of(allDay(LocalDate.parse(value))).filter(due -> sane(due.date()));
			}
			OffsetDateTime moment = hasOffset(value) ? OffsetDateTime.parse(value)
					: Occurrence.wallClock(LocalDateTime.parse(value), zone);
			return Optional.of(at(moment)).filter(due -> sane(moment));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** Whether a moment is one TaskFlow accepts: in the years 1900 to 9999, with an offset of whole minutes. */
	public static boolean sane(OffsetDateTime moment) {
		return sane(moment.toLocalDate()) && sane(moment.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate())
				&& moment.getOffset().getTotalSeconds() % 60 == 0;
	}

	/** Whether this due lies in the years TaskFlow accepts ({@link #sane(OffsetDateTime)}). */
	public boolean sane() {
		return allDay() ? sane(date) : sane(dateTime);
	}

	/**
	 * Adds a problem under {@code field} if {@code due} lies outside the years {@value #FIRST_YEAR} to
	 * {@value #LAST_YEAR}. Every way in (REST, pages, quick add, the assistant, import) meets this through
	 * {@link TaskManagement}, so no task gets a due date the API would refuse to read back. {@code kept} is
	 * the due the task already has: it stays as it is even if stored before the rule existed.
	 */
	public static void check(Due due, Due kept, String field, FieldErrors errors) {
		if (due != null && !due.equals(kept) && !due.sane()) {
			errors.add(field, "must be " + (due.allDay() ? YEARS_IN_WORDS : MOMENT_YEARS_IN_WORDS));
		}
	}

	private static boolean sane(LocalDate date) {
		return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
	}

	private static boolean hasOffset(String value) {
		int time = value.indexOf('T');
		return time > 0 && (value.endsWith("Z") || value.endsWith("z") || value.indexOf('+', time) > 0
				|| value.indexOf('-', time) > 0);
	}

	public boolean allDay() {
		return date != null;
	}

	/** The moment the task is due; an all-day task is due from the start of its day. */
	public Instant startsAt(ZoneId zone) {
		return allDay() ? date.atStartOfDay(zone).toInstant() : dateTime.toInstant();
	}

	/** The moment the task becomes overdue; an all-day task only once its day is over. */
	public Instant overdueAt(ZoneId zone) {
		return allDay() ? date.plusDays(1).atStartOfDay(zone).toInstant() : dateTime.toInstant();
	}

	/** The form the user gave, for JSON and events. */
	public String format() {
		return allDay() ? date.toString() : dateTime.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
	}
}
