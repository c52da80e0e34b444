package dev.taskflow.tasks.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Reminder;

/**
 * One row of the task form's reminders, exactly as typed: either at a date and time in the user's time
 * zone, or an amount of minutes, hours or days before the due time. A row with nothing typed (the form
 * always offers one) means nothing.
 *
 * @param kind {@code at} or {@code before}
 * @param date {@code 2026-12-01}, for {@code at}
 * @param time {@code 09:00}, for {@code at}
 * @param amount a whole number such as {@code 30}, for {@code before}
 * @param unit {@code minutes}, {@code hours} or {@code days} (or {@code seconds}, only for a lead time set
 *        through the API that is not whole minutes), for {@code before}
 */
record ReminderField(String kind, String date, String time, String amount, String unit) {

	static final String AT = "at";

	static final String BEFORE = "before";

	/** The units a lead time is typed in. */
	private static final Map<String, ChronoUnit> UNITS = Map.of("days", ChronoUnit.DAYS, "hours", ChronoUnit.HOURS,
			"minutes", ChronoUnit.MINUTES, "seconds", ChronoUnit.SECONDS);

	/** As far ahead as the API accepts. */
	static final Duration MAX_LEAD = Reminder.MAX_BEFORE;

	/** An empty row: "before it's due" when there is a due date to count from, otherwise "at a time". */
	static ReminderField blank(boolean due) {
		return new ReminderField(due ? BEFORE : AT, "", "", "", "minutes");
	}

	static ReminderField of(Reminder reminder, ZoneId zone) {
		if (reminder.at() != null) {
			ZonedDateTime at = reminder.at().atZone(zone);
			return new ReminderField(AT, at.toLocalDate().toString(), at.toLocalTime().truncatedTo(ChronoUnit.MINUTES)
				.toString(), "", "minutes");
		}
		Reminder.Lead lead = Reminder.Lead.of(reminder.before());
		return new ReminderField(BEFORE, "", "", String.valueOf(lead.amount()), lead.unit());
	}

	/** Whether nothing was typed in this row: it is left out, not refused. */
	boolean isBlank() {
		return at() ? empty(date) && empty(time) : empty(amount);
	}

	public boolean at() {
		return AT.equals(kind == null ? null : kind.strip());
	}

	/**
	 * The reminder this row asks for; problems go under {@code field} ({@code reminders[2]}), keeping the
	 * row as typed.
	 * @param due the task's due date as the form now sets it (a lead time needs one)
	 * @param kept the task's reminders as saved: one of them is kept as it is even if it could no longer be
	 *        set afresh (an "at" time that has passed, a lead time of zero)
	 */
	Optional<Reminder.Spec> spec(ZoneId zone, Due due, Instant now, List<Reminder.Spec> kept, String field,
			FieldErrors errors) {
		Optional<Reminder.Spec> spec = at() ? atSpec(zone, field, errors) : beforeSpec(field, errors);
		if (spec.isPresent() && spec.get().before() != null && due == null) {
			errors.add(field, "is counted from the due date, and this task has none: set one, or remind at a date and time");
			return Optional.empty();
		}
		if (spec.isEmpty() || kept.contains(spec.get())) {
			return spec;
		}
		Optional<Reminder.Spec> snooze = keptSnooze(spec.get(), kept);
		if (snooze.isPresent()) {
			return snooze;
		}
		if (spec.get().at() != null && spec.get().at().isBefore(now)) {
			errors.add(field, "is in the past; choose a later date or time");
			return Optional.empty();
		}
		if (spec.get().before() != null && spec.get().before().isZero()) {
			errors.add(field, "needs 1 or more " + unit.strip() + " before the due time");
			return Optional.empty();
		}
		return spec;
	}

	/**
	 * The snooze this row shows, if it shows one: the form writes it to the minute, and saving the form
	 * keeps it a snooze (of this occurrence only) rather than turning it into a reminder of the series.
	 */
	private static Optional<Reminder.Spec> keptSnooze(Reminder.Spec asked, List<Reminder.Spec> kept) {
		if (asked.at() == null) {
			return Optional.empty();
		}
		Instant minute = asked.at().truncatedTo(ChronoUnit.MINUTES);
		return kept.stream()
			.filter(spec -> spec.snoozed() && spec.at().truncatedTo(ChronoUnit.MINUTES).equals(minute))
			.findFirst();
	}

	private Optional<Reminder.Spec> atSpec(ZoneId zone, String field, FieldErrors errors) {
		LocalDate day;
		LocalTime clock;
		try {
			day = LocalDate.parse(date.strip());
		}
		catch (DateTimeException | NullPointerException ex) {
			errors.add(field,
					empty(date) ? "needs a date" : "has '" + date.strip() + "', which is not a date such as 2026-12-01");
			return Optional.empty();
		}
		try {
			clock = LocalTime.parse(time.strip());
		}
		catch (DateTimeException | NullPointerException ex) {
			errors.add(field, empty(time) ? "needs a time such as 09:00"
					: "has '" + time.strip() + "', which is not a time such as 09:00");
			return Optional.empty();
		}
		OffsetDateTime moment = LocalDateTime.of(day, clock).atZone(zone).toOffsetDateTime();
		if (!Due.sane(moment)) {
			errors.add(field, "must be " + Due.MOMENT_YEARS_IN_WORDS);
			return Optional.empty();
		}
		return Optional.of(new Reminder.Spec(moment.toInstant(), null));
	}

	private Optional<Reminder.Spec> beforeSpec(String field, FieldErrors errors) {
		ChronoUnit chosen = unit == null ? null : UNITS.get(unit.strip());
		if (chosen == null) {
			errors.add(field, "needs minutes, hours or days");
			return Optional.empty();
		}
		long number;
		try {
			number = Long.parseLong(amount.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(field, "has '" + amount.strip() + "', which is not a whole number of " + unit.strip());
			return Optional.empty();
		}
		if (number < 0) {
			errors.add(field, "needs 1 or more " + unit.strip() + " before the due time");
			return Optional.empty();
		}
		Duration lead = number > MAX_LEAD.toSeconds() ? MAX_LEAD.plusSeconds(1) : chosen.getDuration().multipliedBy(number);
		if (lead.compareTo(MAX_LEAD) > 0) {
			errors.add(field, Reminder.LEAD_LIMIT_IN_WORDS);
			return Optional.empty();
		}
		return Optional.of(new Reminder.Spec(null, lead));
	}

	/**
	 * The rows in words for comparing two versions of a form and showing a difference ("at 2026-12-01
	 * 09:00; 30 minutes before"); rows with nothing typed are left out.
	 */
	static String describe(List<ReminderField> rows) {
		return rows == null ? "" : rows.stream()
			.filter(row -> !row.isBlank())
			.map(ReminderField::describe)
			.collect(Collectors.joining("; "));
	}

	private String describe() {
		String units = text(unit).toLowerCase(Locale.ROOT);
		return at() ? "at " + text(date) + " " + text(time)
				: text(amount) + " " + (text(amount).equals("1") ? units.replaceFirst("s$", "") : units) + " before";
	}

	private static String text(String value) {
		return value == null ? "" : value.strip();
	}

	private static boolean empty(String value) {
		return value == null || value.isBlank();
	}
}
