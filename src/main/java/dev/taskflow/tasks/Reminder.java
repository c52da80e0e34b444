package dev.taskflow.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A reminder of a task: at a fixed moment ({@code at}) or some time before the due date
 * ({@code before}). {@code remindAt} is when it fires (null for a relative reminder of an undated
 * task); {@code sentAt} is set once it has fired.
 */
public record Reminder(Instant at, Duration before, Instant remindAt, Instant sentAt) {

	/** What the user asks for; when it fires follows from the task's due date. */
	public record Spec(Instant at, Duration before) {

		public Spec {
			if ((at == null) == (before == null)) {
				throw new IllegalArgumentException("A reminder is either at a moment or before the due date");
			}
		}

		public Instant remindAt(Due due, ZoneId zone) {
			if (at != null) {
				return at;
			}
			return due == null ? null : due.startsAt(zone).minus(before);
		}
	}

	/**
	 * The lead time in ISO-8601 as people write it: {@code P1D} and {@code P1DT2H} rather than
	 * {@code Duration}'s {@code PT24H} and {@code PT26H}; null for an absolute reminder.
	 */
	public String beforeText() {
		if (before == null) {
			return null;
		}
		long days = before.toDays();
		Duration rest = before.minusDays(days);
		if (days == 0) {
			return before.toString();
		}
		return "P" + days + "D" + (rest.isZero() ? "" : rest.toString().substring(1));
	}

	/**
	 * This reminder with its time worked out again for {@code due} in {@code zone} (a relative reminder
	 * of an all-day task fires at another moment in another zone). Whether it fired stays as it was: it
	 * reminded of this due already, wherever its owner was.
	 */
	public Reminder retimed(Due due, ZoneId zone) {
		return new Reminder(at, before, spec().remindAt(due, zone), sentAt);
	}

	public Spec spec() {
		return new Spec(at, before);
	}

	public boolean sent() {
		return sentAt != null;
	}
}
