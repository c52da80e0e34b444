package dev.taskflow.tasks.internal.phrases;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import dev.taskflow.tasks.RecognisedPart.Kind;
import dev.taskflow.tasks.internal.phrases.Match.RepeatWord;
import dev.taskflow.tasks.internal.phrases.Repeat.Freq;

/**
 * Recurrence phrases: "every day", "every 3 days", "every weekday", "every 2 weeks on Mon and Wed",
 * "every Monday", "every month on the 1st", "every last Friday", "every Dec 24", "every year", and the
 * words daily, weekly, fortnightly, monthly, yearly (optionally "on …"). "each" is "every"; "every!"
 * counts from completion. Any of them may end: "until Dec 31", "for 5 times", "for 2 weeks".
 */
final class RepeatPhrases {

	private RepeatPhrases() {
	}

	/** A repeat starting at word {@code i}, with the end it is given ("until Dec 31", "for 2 weeks"), if any. */
	static Match at(Words words, int i, DuePhrases due) {
		Match repeat = at(words, i);
		return repeat == null ? null : ending(words, repeat, due);
	}

	private static Match at(Words words, int i) {
		String word = words.at(i);
		if (word == null) {
			return null;
		}
		Repeat adjective = switch (word) {
			case "daily" -> Repeat.every(Freq.DAILY, 1);
			case "weekly" -> Repeat.every(Freq.WEEKLY, 1);
			case "fortnightly", "biweekly" -> Repeat.every(Freq.WEEKLY, 2);
			case "monthly" -> Repeat.every(Freq.MONTHLY, 1);
			case "yearly", "annually" -> Repeat.every(Freq.YEARLY, 1);
			default -> null;
		};
		if (adjective != null) {
			Match detailed = details(words, i + 1, adjective, i);
			return detailed != null ? detailed : new Match(Kind.RECURRENCE, i, i + 1, new RepeatWord(adjective));
		}
		if (!word.equals("every") && !word.equals("each")) {
			return null;
		}
		boolean fromCompletion = words.word(i).trail().startsWith("!");
		Match match = body(words, i, i + 1);
		if (match == null) {
			return null;
		}
		Repeat repeat = ((Repeat) match.value()).countedFromCompletion(fromCompletion);
		return new Match(Kind.RECURRENCE, i, match.to(), repeat);
	}

	/**
	 * "… until Dec 31" (the last day it may fall on), "… for 5 times" (how many instances), "… for 2 weeks"
	 * (how long from the first due date). A daily/weekly/… word with an end is a repeat, not an adjective.
	 */
	private static Match ending(Words words, Match repeat, DuePhrases due) {
		int k = repeat.to();
		String word = words.next(k);
		Repeat.End end = null;
		int to = k;
		if ("until".equals(word) || "till".equals(word)) {
			Match date = due.date(words, k + 1, true);
			if (date != null && date.value() instanceof Match.OnDate on && on.defaultTime() == null) {
				end = new Repeat.End(null, on.date(), null);
				to = date.to();
			}
		}
		else if ("for".equals(word)) {
			String countWord = words.next(k + 1);
			Integer count = Vocabulary.count(countWord);
			String unit = count == null ? null : words.next(k + 2);
			if (unit != null && List.of("time", "times", "occurrence", "occurrences").contains(unit) && !"a".equals(countWord)
					&& !"an".equals(countWord)) {
				end = new Repeat.End(count, null, null);
			}
			else if (unit != null) {
				Period span = switch (DuePhrases.singular(unit)) {
					case "day" -> Period.ofDays(count);
					case "week" -> Period.ofWeeks(count);
					case "month" -> Period.ofMonths(count);
					case "year" -> Period.ofYears(count);
					default -> null;
				};
				end = span == null ? null : new Repeat.End(null, null, span);
			}
			to = k + 3;
		}
		if (end == null) {
			return repeat;
		}
		Repeat value = repeat.value() instanceof RepeatWord adjective ? adjective.repeat() : (Repeat) repeat.value();
		return new Match(Kind.RECURRENCE, repeat.from(), to, value.endingWith(end));
	}

	private static Match body(Words words, int from, int j) {
		String word = words.next(j);
		if (word == null) {
			return null;
		}
		switch (word) {
			case "day":
				return repeat(from, j + 1, Repeat.every(Freq.DAILY, 1));
			case "weekday", "weekdays", "workday", "workdays":
				return repeat(from, j + 1, Repeat.every(Freq.WEEKLY, 1).onDays(Repeat.WEEKDAYS, 0));
			case "weekend", "weekends":
				return repeat(from, j + 1,
						Repeat.every(Freq.WEEKLY, 1).onDays(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), 0));
			case "other":
				return everyOther(words, from, j + 1);
			default:
				break;
		}
		Integer count = Vocabulary.count(word);
		if (count != null && !word.equals("a") && !word.equals("an")) {
			return unit(words, from, j + 1, count);
		}
		Match unit = unit(words, from, j, 1);
		if (unit != null) {
			return unit;
		}
		DayList days = DayList.at(words, j);
		if (days != null) {
			return repeat(from, days.end(), Repeat.every(Freq.WEEKLY, 1).onDays(days.days(), 0));
		}
		Match nth = nthOfMonth(words, from, j, Repeat.every(Freq.MONTHLY, 1));
		if (nth != null) {
			return nth;
		}
		Match monthDays = monthDays(words, from, j, Repeat.every(Freq.MONTHLY, 1));
		if (monthDays != null) {
			return ofTheMonth(words, monthDays);
		}
		return yearDay(words, from, j, Repeat.every(Freq.YEARLY, 1));
	}

	/** "every other week", and "every other Tuesday": every second week, on that day. */
	private static Match everyOther(Words words, int from, int j) {
		Match unit = unit(words, from, j, 2);
		if (unit != null) {
			return unit;
		}
		DayList days = DayList.at(words, j);
		return days == null ? null : repeat(from, days.end(), Repeat.every(Freq.WEEKLY, 2).onDays(days.days(), 0));
	}

	private static Match unit(Words words, int from, int j, int interval) {
		String unit = words.next(j);
		if (unit == null) {
			return null;
		}
		Freq freq = switch (DuePhrases.singular(unit)) {
			case "day" -> Freq.DAILY;
			case "week" -> Freq.WEEKLY;
			case "month" -> Freq.MONTHLY;
			case "year" -> Freq.YEARLY;
			default -> null;
		};
		if (freq == null) {
			return null;
		}
		Repeat repeat = Repeat.every(freq, interval);
		Match detailed = details(words, j + 1, repeat, from);
		return detailed != null ? detailed : repeat(from, j + 1, repeat);
	}

	/** "… on Mon and Wed" for weeks, "… on the 1st" or "… on the last Friday" for months, "… on Dec 24" for years. */
	private static Match details(Words words, int j, Repeat repeat, int from) {
		if (!"on".equals(words.next(j))) {
			return null;
		}
		int k = "the".equals(words.next(j + 1)) ? j + 2 : j + 1;
		switch (repeat.freq()) {
			case WEEKLY:
				DayList days = DayList.at(words, j + 1);
				return days == null ? null : repeat(from, days.end(), repeat.onDays(days.days(), 0));
			case MONTHLY:
				Match nth = nthOfMonth(words, from, k, repeat);
				return nth != null ? nth : monthDays(words, from, k, repeat);
			case YEARLY:
				return yearDay(words, from, j + 1, repeat);
			default:
				return null;
		}
	}

	/** "last Friday", "first Monday", "2nd Tuesday", "last day" (of the month). */
	private static Match nthOfMonth(Words words, int from, int j, Repeat repeat) {
		Integer nth = Vocabulary.nth(words.next(j));
		if (nth == null) {
			return null;
		}
		String what = words.next(j + 1);
		if (nth == -1 && "day".equals(what)) {
			return ofTheMonth(words, repeat(from, j + 2, repeat.onMonthDays(List.of(-1))));
		}
		DayOfWeek day = Vocabulary.weekday(what, true);
		if (day == null) {
			return null;
		}
		Repeat monthly = repeat.freq() == Freq.MONTHLY ? repeat : Repeat.every(Freq.MONTHLY, 1);
		return ofTheMonth(words, repeat(from, j + 2, monthly.onDays(List.of(day), nth)));
	}

	/** "1st", "1st and 15th", "1st, 10th and 20th". */
	private static Match monthDays(Words words, int from, int j, Repeat repeat) {
		Integer first = Vocabulary.dayOfMonth(words.next(j), false);
		if (first == null) {
			return null;
		}
		TreeSet<Integer> days = new TreeSet<>(List.of(first));
		int k = j + 1;
		while (true) {
			String next = words.next(k);
			Integer day = "and".equals(next) ? Vocabulary.dayOfMonth(words.next(k + 1), false)
					: Vocabulary.dayOfMonth(next, false);
			if (day == null) {
				break;
			}
			days.add(day);
			k += "and".equals(next) ? 2 : 1;
		}
		return repeat(from, k, repeat.onMonthDays(new ArrayList<>(days)));
	}

	/** Swallows a trailing "of the month" / "of every month". */
	private static Match ofTheMonth(Words words, Match match) {
		int k = match.to();
		if (!"of".equals(words.next(k))) {
			return match;
		}
		String article = words.next(k + 1);
		int unit = "the".equals(article) || "every".equals(article) || "each".equals(article) ? k + 2 : k + 1;
		return "month".equals(words.next(unit)) ? new Match(match.kind(), match.from(), unit + 1, match.value()) : match;
	}

	/** "Dec 24", "24 Dec", "December 24th": a day of the year. */
	private static Match yearDay(Words words, int from, int j, Repeat repeat) {
		Month month = Vocabulary.month(words.next(j));
		Integer day = month == null ? null : Vocabulary.dayOfMonth(words.next(j + 1), true);
		if (month == null || day == null) {
			day = Vocabulary.dayOfMonth(words.next(j), true);
			month = day == null ? null : Vocabulary.month(words.next(j + 1));
		}
		if (month == null || day == null || day > month.maxLength()) {
			return null;
		}
		return repeat(from, j + 2, repeat.inMonth(month).onMonthDays(List.of(day)));
	}

	private static Match repeat(int from, int to, Repeat repeat) {
		return new Match(Kind.RECURRENCE, from, to, repeat);
	}

	/** Weekdays joined by commas or "and": "Mon and Wed", "Monday, Wednesday and Friday". */
	record DayList(List<DayOfWeek> days, int end) {

		static DayList at(Words words, int j) {
			DayOfWeek first = Vocabulary.weekday(words.next(j), true);
			if (first == null) {
				return null;
			}
			TreeSet<DayOfWeek> days = new TreeSet<>(List.of(first));
			int k = j + 1;
			while (true) {
				String next = words.next(k);
				boolean and = "and".equals(next);
				DayOfWeek day = Vocabulary.weekday(and ? words.next(k + 1) : next, true);
				if (day == null) {
					break;
				}
				days.add(day);
				k += and ? 2 : 1;
			}
			return new DayList(new ArrayList<>(days), k);
		}
	}
}
