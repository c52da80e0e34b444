package dev.taskflow.recurrence.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import dev.taskflow.recurrence.Occurrence;
import dev.taskflow.recurrence.Recurrence;

/**
 * When the next instance of a recurring task is due, worked out in the user's time zone from the
 * instance just completed. The result has the form of the completed instance's due: a whole day
 * stays a whole day; a time of day keeps its wall-clock time across DST changes (9:00 stays 9:00
 * when the offset changes). A wall-clock time that does not exist on the new day (the hour skipped
 * in spring) moves forward by the length of the gap; one that exists twice (autumn) takes the earlier.
 *
 * <ul>
 * <li><b>From the due date</b> (default): the first instance of the rule strictly after the previous
 * due, the rule started at the series' anchor (DTSTART: the due the series counts from, as a rule its
 * first instance's). Completing early or late does not move the schedule, and neither does a short
 * month or a DST gap: monthly from 31 January is due on 28 February and again on 31 March, and 2:30
 * moved to 3:30 by the spring gap is 2:30 again the day after. An anchor that is a whole day gets the
 * due's time of day, and a timed anchor only its day for an all-day due. A series without an anchor
 * (started before anchors were kept) starts the rule at the previous due, so what a short month or a
 * gap did stays.</li>
 * <li><b>From the completion date</b>: the rule starts on the day of completion (in the user's zone)
 * at the due's time of day, and the next instance is its first one after that start and after the
 * moment of completion: daily means the day after completion, whether it was completed early or late.
 * Hourly and finer rules start at the moment of completion.</li>
 * <li>A recurring task without a due date counts from the day of completion, and the next instance is
 * due on a day.</li>
 * </ul>
 * The series ends when the rule does: {@code COUNT} counts the rule's instances from the anchor as
 * RFC 5545 does (the anchor is the first), or, where the rule restarts at every instance (no anchor,
 * or from the completion date), makes instance {@code COUNT} of the series the last; {@code UNTIL} is
 * compared in the user's zone, and a rule that produces no further instance ends it too.
 */
public final class NextOccurrence {

	private NextOccurrence() {
	}

	/**
	 * @param due the completed instance's due, or null if it had none
	 * @param anchor the due the series counts from, or null if it has none
	 * @param seriesIndex which instance of the series was completed (1 for the first)
	 * @return the next due, or empty if the series has ended
	 */
	public static Optional<Occurrence> after(Recurrence recurrence, Occurrence due, Occurrence anchor, Instant completedAt,
			int seriesIndex, ZoneId zone) {
		Rule rule = Rule.of(recurrence.rrule());
		boolean fromCompletion = recurrence.from() == Recurrence.From.COMPLETION;
		if (due != null && anchor != null && !fromCompletion) {
			return fromAnchor(rule, anchor, due, zone);
		}
		if (rule.endsWith(seriesIndex)) {
			return Optional.empty();
		}
		LocalDateTime completed = completedAt.atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS);
		if (due == null || due.isAllDay()) {
			LocalDate base = due == null || fromCompletion ? completed.toLocalDate() : due.date();
			return rule.firstFrom(base.atStartOfDay(), base.plusDays(1).atStartOfDay())
				.filter(next -> rule.allows(next, true, zone))
				.map(next -> Occurrence.allDay(next.toLocalDate()));
		}
		LocalDateTime dueLocal = due.localIn(zone);
		LocalDateTime start = dueLocal;
		LocalDateTime notBefore = dueLocal.plusSeconds(1);
		if (fromCompletion) {
			start = rule.subDaily() ? completed.truncatedTo(ChronoUnit.MINUTES)
					: completed.toLocalDate().atTime(dueLocal.toLocalTime());
			notBefore = (start.isAfter(completed) ? start : completed).plusSeconds(1);
		}
		return rule.firstFrom(start, notBefore)
			.filter(next -> rule.allows(next, false, zone))
			.map(next -> Occurrence.at(next.atZone(zone).toOffsetDateTime()));
	}

	/**
	 * The first instance of the rule started at the anchor that is after the due and after the anchor
	 * itself (an instance moved before the anchor is followed by the anchor's next, not by the anchor).
	 */
	private static Optional<Occurrence> fromAnchor(Rule rule, Occurrence anchor, Occurrence due, ZoneId zone) {
		LocalDateTime dueLocal = due.localIn(zone);
		if (due.isAllDay()) {
			LocalDateTime start = anchor.localIn(zone).toLocalDate().atStartOfDay();
			return rule.firstFrom(start, latest(start, dueLocal).plusDays(1))
				.filter(next -> rule.counts(start, next) && rule.allows(next, true, zone))
				.map(next -> Occurrence.allDay(next.toLocalDate()));
		}
		LocalDateTime start = anchor.isAllDay() ? anchor.date().atTime(dueLocal.toLocalTime()) : anchor.localIn(zone);
		return rule.firstFrom(start, latest(start, dueLocal).plusSeconds(1))
			.filter(next -> rule.counts(start, next) && rule.allows(next, false, zone))
			.map(next -> Occurrence.at(next.atZone(zone).toOffsetDateTime()));
	}

	private static LocalDateTime latest(LocalDateTime a, LocalDateTime b) {
		return a.isAfter(b) ? a : b;
	}
}
