package dev.taskflow.tasks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.taskflow.platform.FieldErrors;

/**
 * A reminder of a task: at a fixed moment ({@code at}) or some time before the due date
 * ({@code before}). {@code remindAt} is when it fires (null for a relative reminder of an undated
 * task); {@code sentAt} is set once it has fired. {@code snoozed} marks one added by snoozing a
 * notification: it reminds of this occurrence only (see {@link Spec#snoozed()}).
 */
public record Reminder(Instant at, Duration before, Instant remindAt, Instant sentAt, boolean snoozed) {

	/** A reminder the person set (not a snooze). */
	public Reminder(Instant at, Duration before, Instant remindAt, Instant sentAt) {
		this(at, before, remindAt, sentAt, false);
	}

	/** The longest lead time before the due date (docs: {@code before} up to {@code P366D}). */
	public static final Duration MAX_BEFORE = Duration.ofDays(366);

	/**
	 * Adds a problem under {@code field} for each reminder outside the rules: a lead time from PT0S to
	 * P366D in whole seconds, a moment in the years {@link Due#FIRST_YEAR}–{@link Due#LAST_YEAR}. Every
	 * way in (REST, pages, quick add, the assistant, MCP) meets these through {@link TaskManagement}, so
	 * a lead time of 99999999 days cannot put the reminder at year -271764 and fire at once.
	 * {@code kept} are reminders the task already has: they stay as they are even if stored before a
	 * rule existed, so the task remains editable.
	 */
	public static void check(List<Spec> reminders, List<Spec> kept, String field, FieldErrors errors) {
		for (Spec spec : reminders) {
			if (kept.contains(spec)) {
				continue;
			}
			if (spec.before() != null) {
				leadProblem(spec.before())
					.ifPresent(problem -> errors.add(field, "the lead time " + isoText(spec.before()) + " " + problem));
			}
			else if (!Due.sane(spec.at().atOffset(ZoneOffset.UTC))) {
				errors.add(field, "must be " + Due.MOMENT_YEARS_IN_WORDS);
			}
		}
	}

	/** The lead-time limit as pages and the assistant say it: "A reminder can be at most 366 days …". */
	public static final String LEAD_LIMIT_IN_WORDS = "can be at most " + MAX_BEFORE.toDays() + " days before the due time";

	/** Whether a lead time is before PT0S or beyond {@link #MAX_BEFORE}. */
	public static boolean leadOutOfRange(Duration before) {
		return before.isNegative() || before.compareTo(MAX_BEFORE) > 0;
	}

	/**
	 * What is wrong with a lead time before the due date, if anything: it must be from PT0S to P366D, in
	 * whole seconds. The one rule for every way a lead time comes in.
	 */
	public static Optional<String> leadProblem(Duration before) {
		if (leadOutOfRange(before)) {
			return Optional.of("must be between PT0S and P366D");
		}
		if (before.getNano() != 0) {
			return Optional.of("must be whole seconds, such as PT15M or PT30S");
		}
		return Optional.empty();
	}

	/**
	 * A lead time as a whole number of the largest unit it is a multiple of ({@code days}, {@code hours},
	 * {@code minutes} or {@code seconds}): 90 minutes, 2 days; no lead time is 0 minutes.
	 */
	public record Lead(long amount, String unit) {

		private static final List<Map.Entry<String, Duration>> LARGEST_FIRST = List.of(Map.entry("days", Duration.ofDays(1)),
				Map.entry("hours", Duration.ofHours(1)), Map.entry("minutes", Duration.ofMinutes(1)),
				Map.entry("seconds", Duration.ofSeconds(1)));

		public static Lead of(Duration before) {
			long seconds = before.toSeconds();
			Map.Entry<String, Duration> unit = seconds == 0 ? LARGEST_FIRST.get(2) : LARGEST_FIRST.stream()
				.filter(size -> seconds % size.getValue().toSeconds() == 0)
				.findFirst()
				.orElseThrow();
			return new Lead(seconds / unit.getValue().toSeconds(), unit.getKey());
		}

		/** "30 minutes", "1 hour". */
		public String words() {
			return amount + " " + (amount == 1 ? unit.substring(0, unit.length() - 1) : unit);
		}
	}

	/**
	 * What the user asks for; when it fires follows from the task's due date. A {@code snoozed} one was
	 * added by snoozing a notification ("remind again later"), always at a moment: it belongs to this
	 * occurrence of the task, so a next instance of a recurring task does not copy it, and it does not
	 * count against {@link TaskDraft#MAX_REMINDERS}.
	 */
	public record Spec(Instant at, Duration before, boolean snoozed) {

		public Spec {
			if ((at == null) == (before == null)) {
				throw new IllegalArgumentException("A reminder is either at a moment or before the due date");
			}
			if (snoozed && at == null) {
				throw new IllegalArgumentException("A snoozed reminder is at a moment");
			}
		}

		/** A reminder the person set. */
		public Spec(Instant at, Duration before) {
			this(at, before, false);
		}

		/** A snooze: remind again at {@code at}, this occurrence only. */
		public static Spec snoozedUntil(Instant at) {
			return new Spec(at, null, true);
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
		return before == null ? null : isoText(before);
	}

	/** {@code P1D} and {@code P1DT2H} rather than {@code Duration}'s {@code PT24H} and {@code PT26H}. */
	private static String isoText(Duration before) {
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
		return new Reminder(at, before, spec().remindAt(due, zone), sentAt, snoozed);
	}

	public Spec spec() {
		return new Spec(at, before, snoozed);
	}

	public boolean sent() {
		return sentAt != null;
	}
}
