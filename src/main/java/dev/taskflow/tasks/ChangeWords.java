package dev.taskflow.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import dev.taskflow.platform.DisplayTime;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.recurrence.Recurrence;

/**
 * Values of a task's recorded changes (its events' {@code changes}) in the words the pages use
 * elsewhere, for a history: a repeat rule as the task rows say it ("Every 2 weeks on Mon and Wed, 8
 * times", {@link Recurrence#sentence()}), a reminder as a time in the reader's zone or a lead time
 * ("30 minutes before"). A value these cannot read is given back as it is.
 */
public final class ChangeWords {

	private ChangeWords() {
	}

	/** A recorded repeat rule ({@code FREQ=WEEKLY;INTERVAL=2}, or a preset such as {@code daily}) in words. */
	public static String recurrence(String recorded) {
		try {
			return Recurrence.parse(recorded, null, "recurrence", "recurrence_from", new FieldErrors())
				.map(Recurrence::sentence)
				.orElse(recorded);
		}
		catch (RuntimeException ex) {
			return recorded; // the history shows whatever was recorded, even a rule no longer accepted
		}
	}

	/**
	 * A recorded reminder ({@code at 2026-12-20T07:00:00Z} or {@code before PT30M}) in words: "at Sun
	 * 20 Dec 2026, 08:00" in {@code zone}, or "30 minutes before".
	 */
	public static String reminder(String recorded, ZoneId zone, Instant now) {
		try {
			if (recorded.startsWith("at ")) {
				return "at " + DisplayTime.moment(Instant.parse(recorded.substring(3).strip()), zone, now);
			}
			if (recorded.startsWith("before ")) {
				return Reminder.Lead.of(Duration.parse(recorded.substring(7).strip())).words() + " before";
			}
		}
		catch (DateTimeParseException ex) {
			// shown as recorded
		}
		return recorded;
	}
}
