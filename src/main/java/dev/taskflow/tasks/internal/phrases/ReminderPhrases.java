package dev.taskflow.tasks.internal.phrases;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.tasks.RecognisedPart.Kind;
import dev.taskflow.tasks.internal.phrases.Match.AtTime;
import dev.taskflow.tasks.internal.phrases.Match.RemindWhen;

/**
 * Reminder phrases: "remind me 30 minutes before", "remind me 1 hour before", "reminder 2d before",
 * "remind me at 8am", "remind at 8am".
 */
final class ReminderPhrases {

	private static final Pattern COMPACT = Pattern.compile("(\\d{1,3})(m|min|h|d|w)");

	private ReminderPhrases() {
	}

	static Match at(Words words, int i, DuePhrases due) {
		String word = words.at(i);
		if (!"remind".equals(word) && !"reminder".equals(word)) {
			return null;
		}
		int k = "me".equals(words.next(i + 1)) ? i + 2 : i + 1;
		Duration before = before(words, k);
		if (before != null) {
			int end = "before".equals(words.next(k + 1)) ? k + 2 : k + 3;
			return new Match(Kind.REMINDER, i, end, new RemindWhen(before, null));
		}
		Match time = null;
		if ("at".equals(words.next(k))) {
			time = due.time(words, k + 1, true);
		}
		else if (words.next(k) != null) {
			time = due.time(words, k, false);
		}
		if (time == null) {
			return null;
		}
		return new Match(Kind.REMINDER, i, time.to(), new RemindWhen(null, ((AtTime) time.value()).time()));
	}

	/** "30 minutes before", "an hour before", "30m before"; null if the words at {@code k} say no such thing. */
	private static Duration before(Words words, int k) {
		Matcher compact = COMPACT.matcher(String.valueOf(words.next(k)));
		if (compact.matches() && "before".equals(words.next(k + 1))) {
			return duration(Long.parseLong(compact.group(1)), compact.group(2));
		}
		Integer count = Vocabulary.count(words.next(k));
		String unit = words.next(k + 1);
		if (count == null || unit == null || !"before".equals(words.next(k + 2))) {
			return null;
		}
		return duration(count, DuePhrases.singular(unit));
	}

	private static Duration duration(long count, String unit) {
		return switch (unit) {
			case "minute", "min", "m" -> Duration.ofMinutes(count);
			case "hour", "hr", "h" -> Duration.ofHours(count);
			case "day", "d" -> Duration.ofDays(count);
			case "week", "w" -> Duration.ofDays(7 * count);
			default -> null;
		};
	}
}
