package dev.taskflow.tasks.internal.phrases;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.RecognisedPart.Kind;
import dev.taskflow.tasks.internal.phrases.Match.AtMoment;
import dev.taskflow.tasks.internal.phrases.Match.AtTime;
import dev.taskflow.tasks.internal.phrases.Match.OnDate;

/**
 * Dates and times of day, read relative to the moment of reading in the user's zone. Days read as the
 * next such day to come ("Dec 1" on 5 December is next year's; "Monday" is the coming Monday, never
 * today); "next Monday" is the Monday of next week; numeric dates are day/month ("24/12").
 */
final class DuePhrases {

	static final LocalTime TONIGHT = LocalTime.of(20, 0);

	private static final Set<String> DATE_PREPOSITIONS = Set.of("on", "by", "due");

	private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?");

	private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(?:[tT][0-9:.+\\-zZ]{2,40})?");

	private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})(?::(\\d{2}))?(am|pm|a\\.m|p\\.m|a\\.m\\.|p\\.m\\.)?");

	private static final Pattern MERIDIEM = Pattern.compile("am|pm|a\\.m\\.?|p\\.m\\.?");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private final ZonedDateTime now;

	private final LocalDate today;

	DuePhrases(ZonedDateTime now) {
		this.now = now;
		this.today = now.toLocalDate();
	}

	/** A date or a time starting at word {@code i}, with a leading "on", "by", "due (on|by)" or "at". */
	Match at(Words words, int i) {
		String word = words.at(i);
		if (word == null) {
			return null;
		}
		String next = words.next(i + 1);
		if (word.equals("due") && next != null && DATE_PREPOSITIONS.contains(next)) {
			Match match = date(words, i + 2, true);
			if (match != null) {
				return match.from(i);
			}
		}
		if (DATE_PREPOSITIONS.contains(word)) {
			Match match = date(words, i + 1, true);
			if (match != null) {
				return match.from(i);
			}
		}
		if (word.equals("at")) {
			return time(words, i + 1, true);
		}
		Match date = date(words, i, false);
		return date != null ? date : time(words, i, false);
	}

	/** A date starting at word {@code i}; after a preposition it must join it, and may be an abbreviated weekday. */
	Match date(Words words, int i, boolean prefixed) {
		String word = prefixed ? words.next(i) : words.at(i);
		if (word == null) {
			return null;
		}
		Match match = dateCore(words, i, word, prefixed);
		if (match == null || !(match.value() instanceof OnDate on) || on.defaultTime() != null) {
			return match;
		}
		LocalTime partOfDay = partOfDay(words.next(match.to()));
		if (partOfDay == null) {
			return match;
		}
		return new Match(Kind.DUE, i, match.to() + 1, new OnDate(on.date(), partOfDay, partOfDay.getHour() >= 12));
	}

	private Match dateCore(Words words, int i, String word, boolean prefixed) {
		switch (word) {
			case "today":
				return on(i, i + 1, today);
			case "tonight":
				return new Match(Kind.DUE, i, i + 1, new OnDate(today, TONIGHT, true));
			case "tomorrow", "tmr", "tmrw":
				return on(i, i + 1, today.plusDays(1));
			case "eow":
				return on(i, i + 1, endOfWeek());
			case "eom":
				return on(i, i + 1, today.with(TemporalAdjusters.lastDayOfMonth()));
			case "this", "next":
				return thisOrNext(words, i, word.equals("next"));
			case "end":
				return endOf(words, i);
			case "in":
				return in(words, i);
			case "the":
				return prefixed ? dayOfMonth(words, i) : null;
			default:
				break;
		}
		DayOfWeek weekday = Vocabulary.weekday(word, prefixed);
		if (weekday != null) {
			return on(i, i + 1, today.with(TemporalAdjusters.next(weekday)));
		}
		Match match = monthFirst(words, i, word);
		if (match == null) {
			match = dayFirst(words, i, word);
		}
		if (match == null) {
			match = numeric(i, words.word(i).raw());
		}
		return match;
	}

	private Match thisOrNext(Words words, int i, boolean next) {
		String what = words.next(i + 1);
		if (what == null) {
			return null;
		}
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		switch (what) {
			case "weekend":
				LocalDate saturday = next ? monday.plusWeeks(1).plusDays(5)
						: today.getDayOfWeek() == DayOfWeek.SUNDAY ? today : monday.plusDays(5);
				return on(i, i + 2, saturday);
			case "week":
				return next ? on(i, i + 2, monday.plusWeeks(1)) : null;
			case "month":
				return next ? on(i, i + 2, today.plusMonths(1).withDayOfMonth(1)) : null;
			case "year":
				return next ? on(i, i + 2, today.plusYears(1).withDayOfYear(1)) : null;
			case "morning", "afternoon", "evening":
				LocalTime time = partOfDay(what);
				return next ? null : new Match(Kind.DUE, i, i + 2, new OnDate(today, time, time.getHour() >= 12));
			default:
				break;
		}
		DayOfWeek weekday = Vocabulary.weekday(what, true);
		if (weekday == null) {
			return null;
		}
		LocalDate date = next ? monday.plusWeeks(1).with(TemporalAdjusters.nextOrSame(weekday))
				: today.with(TemporalAdjusters.nextOrSame(weekday));
		return on(i, i + 2, date);
	}

	private Match endOf(Words words, int i) {
		if (!"of".equals(words.next(i + 1))) {
			return null;
		}
		int unit = "the".equals(words.next(i + 2)) ? i + 3 : i + 2;
		String what = words.next(unit);
		if (what == null) {
			return null;
		}
		return switch (what) {
			case "week" -> on(i, unit + 1, endOfWeek());
			case "month" -> on(i, unit + 1, today.with(TemporalAdjusters.lastDayOfMonth()));
			case "year" -> on(i, unit + 1, today.with(TemporalAdjusters.lastDayOfYear()));
			default -> null;
		};
	}

	private LocalDate endOfWeek() {
		return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
	}

	private Match in(Words words, int i) {
		Integer count = Vocabulary.count(words.next(i + 1));
		String unit = words.next(i + 2);
		if (count == null || unit == null) {
			return null;
		}
		return switch (singular(unit)) {
			case "day" -> on(i, i + 3, today.plusDays(count));
			case "week" -> on(i, i + 3, today.plusWeeks(count));
			case "month" -> on(i, i + 3, today.plusMonths(count));
			case "year" -> on(i, i + 3, today.plusYears(count));
			case "hour", "hr" -> moment(i, i + 3, now.plusHours(count));
			case "minute", "min" -> moment(i, i + 3, now.plusMinutes(count));
			default -> null;
		};
	}

	static String singular(String unit) {
		return unit.length() > 1 && unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
	}

	/** "(on) the 5th": the next 5th to come, this month's if it is still ahead. */
	private Match dayOfMonth(Words words, int i) {
		Integer day = Vocabulary.dayOfMonth(words.next(i + 1), false);
		if (day == null) {
			return null;
		}
		for (LocalDate month = today.withDayOfMonth(1); month.isBefore(today.plusYears(1)); month = month.plusMonths(1)) {
			if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(today)) {
				return on(i, i + 2, month.withDayOfMonth(day));
			}
		}
		return null;
	}

	/** "Dec 24", "December 24th", "Dec 24 2027", "Dec 24, 2027". */
	private Match monthFirst(Words words, int i, String word) {
		Month month = Vocabulary.month(word);
		if (month == null) {
			return null;
		}
		Integer day = Vocabulary.dayOfMonth(words.next(i + 1), true);
		if (day == null) {
			return null;
		}
		return withYear(words, i, i + 2, month, day);
	}

	/** "24 Dec", "24th December", "24th of December 2027". */
	private Match dayFirst(Words words, int i, String word) {
		Integer day = Vocabulary.dayOfMonth(word, true);
		if (day == null) {
			return null;
		}
		int monthAt = "of".equals(words.next(i + 1)) ? i + 2 : i + 1;
		Month month = Vocabulary.month(words.next(monthAt));
		if (month == null) {
			return null;
		}
		return withYear(words, i, monthAt + 1, month, day);
	}

	private Match withYear(Words words, int from, int to, Month month, int day) {
		String year = words.next(to);
		if (year != null && YEAR.matcher(year).matches()) {
			LocalDate date = date(Integer.parseInt(year), month.getValue(), day);
			return date == null ? null : on(from, to + 1, date);
		}
		LocalDate date = upcoming(month.getValue(), day);
		return date == null ? null : on(from, to, date);
	}

	/** "24/12" (day/month, the next one to come), "24/12/2026", "2026-12-24", "2026-12-24T09:00:00+01:00". */
	private Match numeric(int i, String raw) {
		Matcher dayMonth = DAY_MONTH.matcher(raw);
		if (dayMonth.matches()) {
			int day = Integer.parseInt(dayMonth.group(1));
			int month = Integer.parseInt(dayMonth.group(2));
			String year = dayMonth.group(3);
			LocalDate date = year == null ? upcoming(month, day)
					: date(year.length() == 2 ? 2000 + Integer.parseInt(year) : Integer.parseInt(year), month, day);
			return date == null ? null : on(i, i + 1, date);
		}
		if (ISO.matcher(raw).matches()) {
			return Due.parse(raw, now.getZone())
				.map(due -> due.allDay() ? on(i, i + 1, due.date()) : new Match(Kind.DUE, i, i + 1, new AtMoment(due.dateTime())))
				.orElse(null);
		}
		return null;
	}

	/** The day in this year, or next year's (or the next leap year's 29 February) once it has passed. */
	private LocalDate upcoming(int month, int day) {
		for (int year = today.getYear(); year <= today.getYear() + 8; year++) {
			LocalDate date = date(year, month, day);
			if (date != null && !date.isBefore(today)) {
				return date;
			}
		}
		return null;
	}

	/** The date, or null if there is no such day or it lies outside the years TaskFlow accepts (it stays title). */
	private static LocalDate date(int year, int month, int day) {
		if (year < Due.FIRST_YEAR || year > Due.LAST_YEAR) {
			return null;
		}
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** A time of day starting at word {@code i}: "5pm", "5:30 pm", "17:00", "noon", "midnight"; after "at" also "9". */
	Match time(Words words, int i, boolean afterAt) {
		String word = afterAt ? words.next(i) : words.at(i);
		if (word == null) {
			return null;
		}
		int from = afterAt ? i - 1 : i;
		switch (word) {
			case "noon", "midday":
				return new Match(Kind.DUE, from, i + 1, new AtTime(LocalTime.NOON, true));
			case "midnight":
				return new Match(Kind.DUE, from, i + 1, new AtTime(LocalTime.MIDNIGHT, true));
			default:
				break;
		}
		Matcher clock = CLOCK.matcher(word);
		if (!clock.matches()) {
			return null;
		}
		String meridiem = clock.group(3);
		int to = i + 1;
		if (meridiem == null) {
			String nextWord = words.next(i + 1);
			if (nextWord != null && MERIDIEM.matcher(nextWord).matches()) {
				meridiem = nextWord;
				to = i + 2;
			}
		}
		boolean minutesGiven = clock.group(2) != null;
		if (meridiem == null && !minutesGiven && !afterAt) {
			return null;
		}
		LocalTime time = clockTime(Integer.parseInt(clock.group(1)), minutesGiven ? Integer.parseInt(clock.group(2)) : 0,
				meridiem);
		return time == null ? null : new Match(Kind.DUE, from, to, new AtTime(time, meridiem != null));
	}

	private static LocalTime clockTime(int hour, int minute, String meridiem) {
		if (minute > 59) {
			return null;
		}
		if (meridiem == null) {
			return hour <= 23 ? LocalTime.of(hour, minute) : null;
		}
		if (hour < 1 || hour > 12) {
			return null;
		}
		int base = hour == 12 ? 0 : hour;
		return LocalTime.of(meridiem.startsWith("p") ? base + 12 : base, minute);
	}

	private static LocalTime partOfDay(String word) {
		if (word == null) {
			return null;
		}
		return switch (word) {
			case "morning" -> LocalTime.of(9, 0);
			case "afternoon" -> LocalTime.of(15, 0);
			case "evening" -> LocalTime.of(18, 0);
			case "night" -> TONIGHT;
			default -> null;
		};
	}

	private static Match on(int from, int to, LocalDate date) {
		return new Match(Kind.DUE, from, to, new OnDate(date, null, false));
	}

	private Match moment(int from, int to, ZonedDateTime at) {
		return new Match(Kind.DUE, from, to, new AtMoment(at.truncatedTo(ChronoUnit.MINUTES).toOffsetDateTime()));
	}

	LocalDate today() {
		return today;
	}
}
