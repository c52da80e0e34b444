package dev.taskflow.tasks.internal.phrases;

import java.time.Duration;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.taskflow.tasks.RecognisedPart.Kind;
import dev.taskflow.tasks.internal.phrases.Match.AtMoment;
import dev.taskflow.tasks.internal.phrases.Match.AtTime;
import dev.taskflow.tasks.internal.phrases.Match.OnDate;
import dev.taskflow.tasks.internal.phrases.Match.RemindAtDue;
import dev.taskflow.tasks.internal.phrases.Match.RemindWhen;

/**
 * Reminder phrases: "remind me 30 minutes before", "remind me 1 hour before", "reminder 2d before",
 * "remind me at 8am", "remind at 8am", "remind me tomorrow at 8am", "remind me in 2 hours", and a leading
 * "remind me to …".
 */
final class ReminderPhrases {

	/** When "remind me tomorrow" rings: the start of a working day. */
	static final LocalTime DEFAULT_TIME = LocalTime.of(9, 0);

	private static final Pattern COMPACT = Pattern.compile("(\\d{1,3})(m|min|h|d|w)");

	private ReminderPhrases() {
	}

	static Match at(Words words, int i, DuePhrases due) {
		String word = words.at(i);
		if (!"remind".equals(word) && !"reminder".equals(word)) {
			return null;
		}
		int k = "me".equals(words.next(i + 1)) ? i + 2 : i + 1;
		if (i == 0 && k == 2 && "to".equals(words.next(k)) && words.next(k + 1) != null) {
			return new Match(Kind.REMINDER, i, k + 1, new RemindAtDue());
		}
		Duration before = before(words, k);
		if (before != null) {
			int end = "before".equals(words.next(k + 1)) ? k + 2 : k + 3;
			return new Match(Kind.REMINDER, i, end, RemindWhen.before(before));
		}
		return when(words, i, k, due);
	}

	/** "[on] <date> [at] <time>", "at <time> [on] <date>", "at <time>", "in 2 hours"; a day alone means 9:00. */
	private static Match when(Words words, int i, int k, DuePhrases due) {
		Match date = date(words, k, due);
		if (date != null && date.value() instanceof AtMoment moment) {
			return new Match(Kind.REMINDER, i, date.to(), new RemindWhen(null, null, null, moment.moment()));
		}
		int end = date == null ? k : date.to();
		Match time = time(words, end, due);
		if (time != null) {
			end = time.to();
		}
		if (date == null && time != null) {
			date = date(words, end, due);
			if (date != null && date.value() instanceof OnDate) {
				end = date.to();
			}
			else {
				date = null;
			}
		}
		if (date == null && time == null) {
			return null;
		}
		OnDate on = date == null ? null : (OnDate) date.value();
		LocalTime at = time != null ? ((AtTime) time.value()).time()
				: on.defaultTime() != null ? on.defaultTime() : DEFAULT_TIME;
		return new Match(Kind.REMINDER, i, end, new RemindWhen(null, at, on == null ? null : on.date(), null));
	}

	private static Match date(Words words, int k, DuePhrases due) {
		boolean on = "on".equals(words.next(k));
		return due.date(words, on ? k + 1 : k, true);
	}

	private static Match time(Words words, int k, DuePhrases due) {
		if ("at".equals(words.next(k))) {
			return due.time(words, k + 1, true);
		}
		return words.next(k) == null ? null : due.time(words, k, false);
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
