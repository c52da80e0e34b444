package dev.taskflow.recurrence;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.Weekday;
import org.dmfs.rfc5545.recur.Freq;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRule.Part;
import org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode;

/**
 * A recurrence in plain English, as a person would say it: "Every 2 weeks on Mon and Wed, 8 times".
 * Covers what people set (an interval, weekdays, a day of the month, "the last Friday", an end);
 * anything rarer reads as its rule.
 */
final class RuleSentence {

	private static final Map<String, String> PRESETS = Map.of("daily", "Every day", "weekdays", "Every weekday",
			"weekly", "Every week", "monthly", "Every month", "yearly", "Every year");

	private static final Map<Freq, String> UNITS = Map.of(Freq.HOURLY, "hour", Freq.DAILY, "day", Freq.WEEKLY, "week",
			Freq.MONTHLY, "month", Freq.YEARLY, "year");

	private static final List<Weekday> WORKDAYS = List.of(Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR);

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	private RuleSentence() {
	}

	static String of(Recurrence recurrence) {
		String sentence = PRESETS.containsKey(recurrence.text()) ? PRESETS.get(recurrence.text())
				: describe(recurrence.rrule());
		return recurrence.from() == Recurrence.From.COMPLETION ? sentence + ", counted from completion" : sentence;
	}

	private static String describe(String rrule) {
		RecurrenceRule rule;
		try {
			rule = new RecurrenceRule(rrule, RfcMode.RFC5545_LAX);
		}
		catch (InvalidRecurrenceRuleException ex) {
			return rrule;
		}
		String unit = UNITS.get(rule.getFreq());
		if (unit == null) {
			return rrule;
		}
		List<RecurrenceRule.WeekdayNum> days = rule.getByDayPart() == null ? List.of() : rule.getByDayPart();
		StringBuilder sentence = new StringBuilder();
		int interval = rule.getInterval();
		if (interval == 1 && days.size() == 5 && days.stream().allMatch(day -> day.pos == 0)
				&& days.stream().map(day -> day.weekday).toList().containsAll(WORKDAYS)
				&& (rule.getFreq() == Freq.WEEKLY || rule.getFreq() == Freq.DAILY)) {
			sentence.append("Every weekday");
		}
		else {
			sentence.append(interval == 1 ? "Every " + unit : "Every " + interval + " " + unit + "s");
			if (!days.isEmpty()) {
				sentence.append(" on ").append(joined(days.stream().map(RuleSentence::day).toList()));
			}
			List<Integer> monthDays = rule.getByPart(Part.BYMONTHDAY);
			if (monthDays != null && !monthDays.isEmpty()) {
				sentence.append(" on the ").append(joined(monthDays.stream().map(RuleSentence::ordinalDay).toList()));
			}
		}
		if (rule.getCount() != null) {
			sentence.append(", ").append(rule.getCount()).append(rule.getCount() == 1 ? " time" : " times");
		}
		DateTime until = rule.getUntil();
		if (until != null) {
			sentence.append(", until ")
				.append(UNTIL.format(LocalDate.of(until.getYear(), until.getMonth() + 1, until.getDayOfMonth())));
		}
		return sentence.toString();
	}

	private static String day(RecurrenceRule.WeekdayNum day) {
		String shortName = Recurrence.WEEKDAYS.get(day.weekday.name());
		if (day.pos == 0) {
			return shortName;
		}
		return "the " + (day.pos == -1 ? "last" : ordinal(day.pos)) + " " + shortName;
	}

	private static String ordinalDay(int day) {
		return day == -1 ? "last day" : ordinal(day);
	}

	private static String ordinal(int number) {
		int n = Math.abs(number);
		String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th"
				: switch (n % 10) {
					case 1 -> "st";
					case 2 -> "nd";
					case 3 -> "rd";
					default -> "th";
				};
		return (number < 0 ? n + suffix + " from last" : n + suffix);
	}

	private static String joined(List<String> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		List<String> head = new ArrayList<>(parts.subList(0, parts.size() - 1));
		return String.join(", ", head) + " and " + parts.get(parts.size() - 1);
	}
}
