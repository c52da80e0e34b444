package dev.taskflow.tasks.internal.phrases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.recurrence.Recurrence;

/**
 * A repeat rule as the phrases describe it, before it becomes an RRULE: how often ({@code freq} with
 * {@code interval}), on which weekdays ({@code nth} picks "the last Friday" of a month), on which days of
 * the month (-1 for the last), in which month, whether it counts from completion ("every!"), and when
 * it ends ({@code end}, null for never).
 */
record Repeat(Freq freq, int interval, List<DayOfWeek> days, int nth, List<Integer> monthDays, Month month,
		boolean fromCompletion, End end) {

	enum Freq {

		DAILY, WEEKLY, MONTHLY, YEARLY
	}

	static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	/** How far ahead the first due date is looked for (29 February comes within eight years). */
	private static final int SEARCH_DAYS = 8 * 366;

	Repeat {
		days = List.copyOf(days);
		monthDays = List.copyOf(monthDays);
	}

	/**
	 * When a series ends: after {@code count} instances ("for 5 times"), on {@code until} ("until Dec 31"),
	 * or {@code span} after its first due date ("for 2 weeks": the last instance falls on the day before
	 * the span is over, so daily for 2 weeks is 14 instances).
	 */
	record End(Integer count, LocalDate until, Period span) {

		/** The RRULE part, once the first due date is known. */
		String rrulePart(LocalDate first) {
			if (count != null) {
				return ";COUNT=" + count;
			}
			LocalDate last = until != null ? until : first.plus(span).minusDays(1);
			return ";UNTIL=" + last.format(DateTimeFormatter.BASIC_ISO_DATE);
		}

		String label() {
			if (count != null) {
				return ", " + count + (count == 1 ? " time" : " times");
			}
			if (until != null) {
				return " until " + UNTIL_LABEL.format(until);
			}
			int amount = span.getYears() + span.getMonths() + span.getDays();
			String unit = span.getYears() > 0 ? "year" : span.getMonths() > 0 ? "month" : span.getDays() % 7 == 0 ? "week" : "day";
			amount = unit.equals("week") ? amount / 7 : amount;
			return " for " + amount + " " + unit + (amount == 1 ? "" : "s");
		}
	}

	private static final DateTimeFormatter UNTIL_LABEL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	static Repeat every(Freq freq, int interval) {
		return new Repeat(freq, interval, List.of(), 0, List.of(), null, false, null);
	}

	Repeat onDays(List<DayOfWeek> newDays, int newNth) {
		return new Repeat(freq, interval, newDays, newNth, monthDays, month, fromCompletion, end);
	}

	Repeat onMonthDays(List<Integer> newMonthDays) {
		return new Repeat(freq, interval, days, nth, newMonthDays, month, fromCompletion, end);
	}

	Repeat inMonth(Month newMonth) {
		return new Repeat(freq, interval, days, nth, monthDays, newMonth, fromCompletion, end);
	}

	Repeat countedFromCompletion(boolean value) {
		return new Repeat(freq, interval, days, nth, monthDays, month, value, end);
	}

	Repeat endingWith(End newEnd) {
		return new Repeat(freq, interval, days, nth, monthDays, month, fromCompletion, newEnd);
	}

	private boolean plain() {
		return days.isEmpty() && monthDays.isEmpty() && month == null;
	}

	/**
	 * The recurrence for a series whose first due date is {@code first} (a span such as "for 2 weeks"
	 * counts from it): a preset word where one says the same, else an RRULE; checked by the recurrence
	 * module.
	 */
	Optional<Recurrence> recurrence(LocalDate first) {
		String text;
		if (end != null) {
			// the preset's own rule (monthly keeps the 31st), with the end added
			String rule = interval == 1 && plain() ? new Recurrence(freq.name().toLowerCase(Locale.ROOT), null).rrule()
					: rrule();
			text = rule + end.rrulePart(first);
		}
		else if (interval == 1 && plain()) {
			text = switch (freq) {
				case DAILY -> "daily";
				case WEEKLY -> "weekly";
				case MONTHLY -> "monthly";
				case YEARLY -> "yearly";
			};
		}
		else if (interval == 1 && freq == Freq.WEEKLY && nth == 0 && days.equals(WEEKDAYS) && monthDays.isEmpty()) {
			text = "weekdays";
		}
		else {
			text = rrule();
		}
		return Recurrence.parse(text, fromCompletion ? "completion" : "due", "recurrence", "recurrence_from",
				new FieldErrors());
	}

	String rrule() {
		StringBuilder rule = new StringBuilder("FREQ=").append(freq);
		if (interval > 1) {
			rule.append(";INTERVAL=").append(interval);
		}
		if (month != null) {
			rule.append(";BYMONTH=").append(month.getValue());
		}
		if (!monthDays.isEmpty()) {
			rule.append(";BYMONTHDAY=").append(monthDays.stream().map(String::valueOf).collect(Collectors.joining(",")));
		}
		if (!days.isEmpty()) {
			String prefix = nth == 0 ? "" : String.valueOf(nth);
			rule.append(";BYDAY=")
				.append(days.stream().map(day -> prefix + day.name().substring(0, 2)).collect(Collectors.joining(",")));
		}
		return rule.toString();
	}

	/** The first day on or after {@code from} the rule falls on; the rule's own day is where a series starts. */
	LocalDate firstOnOrAfter(LocalDate from) {
		LocalDate day = from;
		for (int i = 0; i < SEARCH_DAYS; i++, day = day.plusDays(1)) {
			if (fallsOn(day)) {
				return day;
			}
		}
		return from;
	}

	boolean fallsOn(LocalDate day) {
		if (month != null && day.getMonth() != month) {
			return false;
		}
		if (!monthDays.isEmpty() && monthDays.stream().noneMatch(d -> d == day.getDayOfMonth()
				|| (d == -1 && day.getDayOfMonth() == day.lengthOfMonth()))) {
			return false;
		}
		if (!days.isEmpty() && !days.contains(day.getDayOfWeek())) {
			return false;
		}
		if (nth > 0) {
			return (day.getDayOfMonth() - 1) / 7 + 1 == nth;
		}
		if (nth < 0) {
			return (day.lengthOfMonth() - day.getDayOfMonth()) / 7 + 1 == -nth;
		}
		return true;
	}

	/** "Every weekday", "Every 2 weeks on Mon and Wed", "Every last Friday", "Every 3 days from completion". */
	String label() {
		StringBuilder label = new StringBuilder("Every ");
		String unit = freq.name().toLowerCase(Locale.ROOT);
		unit = switch (freq) {
			case DAILY -> "day";
			default -> unit.substring(0, unit.length() - 2);
		};
		if (interval == 1 && freq == Freq.WEEKLY && days.equals(WEEKDAYS)) {
			label.append("weekday");
		}
		else if (interval == 1 && freq == Freq.WEEKLY && !days.isEmpty()) {
			label.append(dayList(TextStyle.FULL));
		}
		else if (interval == 1 && freq == Freq.MONTHLY && nth != 0) {
			label.append(nth == -1 ? "last" : Vocabulary.ordinal(nth)).append(' ')
				.append(days.get(0).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
		}
		else {
			label.append(interval == 1 ? unit : interval + " " + unit + "s");
			if (!days.isEmpty()) {
				label.append(" on ").append(nth == 0 ? "" : (nth == -1 ? "the last " : "the " + Vocabulary.ordinal(nth) + " "))
					.append(dayList(TextStyle.SHORT));
			}
			if (month != null && monthDays.size() == 1) {
				label.append(" on ").append(monthDays.get(0)).append(' ')
					.append(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
			}
			else if (!monthDays.isEmpty()) {
				label.append(" on the ").append(monthDays.stream().map(Vocabulary::ordinal).collect(Collectors.joining(" and ")));
			}
		}
		if (end != null) {
			label.append(end.label());
		}
		if (fromCompletion) {
			label.append(" from completion");
		}
		return label.toString();
	}

	private String dayList(TextStyle style) {
		List<String> names = days.stream().map(day -> day.getDisplayName(style, Locale.ENGLISH)).toList();
		if (names.size() == 1) {
			return names.get(0);
		}
		return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
	}
}
