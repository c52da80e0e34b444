package dev.taskflow.tasks.internal.phrases;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.taskflow.tasks.DateRange;

/**
 * Phrases that name a span of days, for questions like "what's due this week?": today, tomorrow,
 * yesterday, (this|next|last) week/weekend/month/year, next/last/past N days or weeks. Weeks run Monday
 * to Sunday; "next 7 days" starts today. "overdue" is no range (it depends on the time of day).
 */
final class RangePhrases {

	private RangePhrases() {
	}

	static Optional<DateRange> range(Words words, LocalDate today) {
		List<String> w = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			w.add(words.at(i));
		}
		if (!w.isEmpty() && w.get(0).equals("the")) {
			w.remove(0);
		}
		if (w.size() == 1) {
			return single(w.get(0), today);
		}
		if (w.size() == 2) {
			return relative(w.get(0), w.get(1), today);
		}
		if (w.size() == 3) {
			return counted(w.get(0), Vocabulary.count(w.get(1)), DuePhrases.singular(w.get(2)), today);
		}
		return Optional.empty();
	}

	private static Optional<DateRange> single(String word, LocalDate today) {
		return switch (word) {
			case "today" -> Optional.of(DateRange.day(today));
			case "tomorrow" -> Optional.of(DateRange.day(today.plusDays(1)));
			case "yesterday" -> Optional.of(DateRange.day(today.minusDays(1)));
			case "week" -> relative("this", "week", today);
			case "weekend" -> relative("this", "weekend", today);
			default -> Optional.empty();
		};
	}

	private static Optional<DateRange> relative(String which, String unit, LocalDate today) {
		int shift = switch (which) {
			case "this" -> 0;
			case "next" -> 1;
			case "last", "previous", "past" -> -1;
			default -> 99;
		};
		if (shift == 99) {
			return Optional.empty();
		}
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(shift);
		return switch (unit) {
			case "week" -> Optional.of(new DateRange(monday, monday.plusDays(6)));
			case "weekend" -> Optional.of(new DateRange(monday.plusDays(5), monday.plusDays(6)));
			case "month" -> {
				LocalDate first = today.withDayOfMonth(1).plusMonths(shift);
				yield Optional.of(new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth())));
			}
			case "year" -> {
				LocalDate first = today.withDayOfYear(1).plusYears(shift);
				yield Optional.of(new DateRange(first, first.with(TemporalAdjusters.lastDayOfYear())));
			}
			default -> Optional.empty();
		};
	}

	private static Optional<DateRange> counted(String which, Integer count, String unit, LocalDate today) {
		if (count == null) {
			return Optional.empty();
		}
		int days = switch (unit) {
			case "day" -> count;
			case "week" -> count * 7;
			default -> 0;
		};
		if (days == 0) {
			return Optional.empty();
		}
		return switch (which) {
			case "next", "coming" -> Optional.of(new DateRange(today, today.plusDays(days - 1)));
			case "last", "past", "previous" -> Optional.of(new DateRange(today.minusDays(days - 1), today));
			default -> Optional.empty();
		};
	}
}
