package dev.taskflow.recurrence;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A recurring task was completed and its series goes on: the next instance is due on {@code date}
 * (all day) or at {@code dateTime}. Published in the recurrence consumer's transaction; the tasks
 * module creates the instance in that same transaction, so it happens exactly once.
 */
public record NextOccurrenceDue(UUID ownerId, long completedTaskId, LocalDate date, OffsetDateTime dateTime) {

	public NextOccurrenceDue {
		if ((date == null) == (dateTime == null)) {
			throw new IllegalArgumentException("The next occurrence is either a date or a date-time");
		}
	}
}
