package dev.taskflow.tasks;

import java.time.LocalDate;

/** A span of whole days in the user's time zone, both ends included ("this week" is Monday to Sunday). */
public record DateRange(LocalDate from, LocalDate to) {

	public DateRange {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("A date range needs from <= to");
		}
	}

	public static DateRange day(LocalDate date) {
		return new DateRange(date, date);
	}

	public boolean contains(LocalDate date) {
		return !date.isBefore(from) && !date.isAfter(to);
	}
}
