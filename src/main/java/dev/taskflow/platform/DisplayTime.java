package dev.taskflow.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The one way pages write a day or a moment for people, always in the reader's time zone: "Today",
 * "Tomorrow", "Yesterday", "Fri 4 Dec" within the year, "Fri 4 Dec 2027" otherwise, and ", 09:30" for
 * a time — 24-hour clock, no seconds, locale-free English. The notification panel (taskflow.js) writes
 * the same format.
 */
public final class DisplayTime {

	private static final DateTimeFormatter DAY_THIS_YEAR = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

	private DisplayTime() {
	}

	/** A moment, e.g. "Today, 09:30" or "Mon 7 Jan 2030, 18:00". */
	public static String moment(Instant instant, ZoneId zone, Instant now) {
		ZonedDateTime at = instant.atZone(zone);
		return day(at.toLocalDate(), LocalDate.ofInstant(now, zone)) + ", " + at.format(TIME);
	}

	/** A calendar day, e.g. "Tomorrow" or "Fri 4 Dec". */
	public static String day(LocalDate date, LocalDate today) {
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

	/**
	 * A day or moment as written above, for the middle of a sentence: "due tomorrow, 09:00", not "due
	 * Tomorrow, 09:00". Weekday and month names keep their capitals.
	 */
	public static String inSentence(String written) {
		return written.startsWith("Today") || written.startsWith("Tomorrow") || written.startsWith("Yesterday")
				? Character.toLowerCase(written.charAt(0)) + written.substring(1) : written;
	}

	/** A calendar day always written out, e.g. "Fri 4 Dec" — for headings that already say "Today". */
	public static String date(LocalDate date, LocalDate today) {
		return date.format(date.getYear() == today.getYear() ? DAY_THIS_YEAR : DAY);
	}
}
