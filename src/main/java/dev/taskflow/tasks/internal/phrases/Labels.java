package dev.taskflow.tasks.internal.phrases;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;

/** Short English renderings for preview chips: "Tomorrow 9:00", "Mon 30 Nov", "High priority", "30 min before". */
final class Labels {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY_IN_YEAR = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm", Locale.ENGLISH);

	private Labels() {
	}

	static String date(LocalDate date, LocalDate today) {
		if (date.equals(today)) {
			return "Today";
		}
		if (date.equals(today.plusDays(1))) {
			return "Tomorrow";
		}
		return (date.getYear() == today.getYear() ? DAY : DAY_IN_YEAR).format(date);
	}

	static String time(LocalTime time) {
		return TIME.format(time);
	}

	static String due(Due due, ZoneId zone, LocalDate today) {
		if (due.allDay()) {
			return date(due.date(), today);
		}
		var local = due.dateTime().atZoneSameInstant(zone).toLocalDateTime();
		return date(local.toLocalDate(), today) + " " + time(local.toLocalTime());
	}

	static String priority(Priority priority) {
		String word = priority.value();
		return Character.toUpperCase(word.charAt(0)) + word.substring(1) + " priority";
	}

	static String before(Duration before) {
		long minutes = before.toMinutes();
		if (minutes >= 1440 && minutes % 1440 == 0) {
			return plural(minutes / 1440, "day") + " before";
		}
		if (minutes >= 60 && minutes % 60 == 0) {
			return plural(minutes / 60, "hour") + " before";
		}
		return minutes + " min before";
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}
}
