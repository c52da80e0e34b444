package dev.taskflow.tasks.internal.phrases;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The English words the phrases are made of: weekdays, months, numbers and ordinals. */
final class Vocabulary {

	private static final Map<String, DayOfWeek> WEEKDAY_ABBREVIATIONS = Map.ofEntries(Map.entry("mon", DayOfWeek.MONDAY),
			Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
			Map.entry("wed", DayOfWeek.WEDNESDAY), Map.entry("thu", DayOfWeek.THURSDAY),
			Map.entry("thur", DayOfWeek.THURSDAY), Map.entry("thurs", DayOfWeek.THURSDAY),
			Map.entry("fri", DayOfWeek.FRIDAY), Map.entry("sat", DayOfWeek.SATURDAY), Map.entry("sun", DayOfWeek.SUNDAY));

	private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("a", 1), Map.entry("an", 1),
			Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
			Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
			Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("twelve", 12));

	private static final List<String> ORDINAL_WORDS = List.of("first", "second", "third", "fourth", "fifth");

	private static final Pattern ORDINAL = Pattern.compile("(\\d{1,2})(st|nd|rd|th)");

	private static final Pattern DIGITS = Pattern.compile("\\d{1,4}");

	/** The largest count a phrase like "in N days" or "every N weeks" takes; more is not a plan but a typo. */
	static final int MAX_COUNT = 999;

	private Vocabulary() {
	}

	/** A weekday by its full name ("monday", "mondays"), or by its abbreviation where {@code abbreviated} allows. */
	static DayOfWeek weekday(String word, boolean abbreviated) {
		if (word == null) {
			return null;
		}
		for (DayOfWeek day : DayOfWeek.values()) {
			String name = day.name().toLowerCase(java.util.Locale.ROOT);
			if (word.equals(name) || word.equals(name + "s")) {
				return day;
			}
		}
		return abbreviated ? WEEKDAY_ABBREVIATIONS.get(word) : null;
	}

	/** A month by its name or three-letter abbreviation ("sept" too), or null. */
	static Month month(String word) {
		if (word == null || word.length() < 3) {
			return null;
		}
		String value = word.endsWith(".") ? word.substring(0, word.length() - 1) : word;
		for (Month month : Month.values()) {
			String name = month.name().toLowerCase(java.util.Locale.ROOT);
			if (value.equals(name) || value.equals(name.substring(0, 3)) || (month == Month.SEPTEMBER && value.equals("sept"))) {
				return month;
			}
		}
		return null;
	}

	/** A count in digits or as a word ("a", "an", "one" … "twelve"), 1 to {@link #MAX_COUNT}; else null. */
	static Integer count(String word) {
		if (word == null) {
			return null;
		}
		if (DIGITS.matcher(word).matches()) {
			int value = Integer.parseInt(word);
			return value >= 1 && value <= MAX_COUNT ? value : null;
		}
		return NUMBER_WORDS.get(word);
	}

	/** A day of the month as a plain number ("24") or ordinal ("24th"), 1 to 31; else null. */
	static Integer dayOfMonth(String word, boolean plainAllowed) {
		if (word == null) {
			return null;
		}
		Matcher ordinal = ORDINAL.matcher(word);
		String digits = ordinal.matches() ? ordinal.group(1) : plainAllowed && word.length() <= 2 ? word : null;
		if (digits == null || !DIGITS.matcher(digits).matches()) {
			return null;
		}
		int day = Integer.parseInt(digits);
		return day >= 1 && day <= 31 ? day : null;
	}

	/** "first" … "fifth", "1st" … "5th" as 1 … 5, "last" as -1, for "every last Friday"; else null. */
	static Integer nth(String word) {
		if (word == null) {
			return null;
		}
		if (word.equals("last")) {
			return -1;
		}
		int index = ORDINAL_WORDS.indexOf(word);
		if (index >= 0) {
			return index + 1;
		}
		Matcher ordinal = ORDINAL.matcher(word);
		if (ordinal.matches()) {
			int value = Integer.parseInt(ordinal.group(1));
			return value >= 1 && value <= 5 ? value : null;
		}
		return null;
	}

	static String ordinal(int day) {
		if (day == -1) {
			return "last day";
		}
		int lastTwo = day % 100;
		String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th"
				: switch (day % 10) {
					case 1 -> "st";
					case 2 -> "nd";
					case 3 -> "rd";
					default -> "th";
				};
		return day + suffix;
	}
}
