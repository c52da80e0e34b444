package dev.taskflow.tasks.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskDraft;

/**
 * The edit form's fields exactly as typed, so a rejected form comes back as the user left it.
 *
 * @param tags comma-separated
 * @param dueDate {@code 2026-12-01} (what a date input sends); empty for no due date
 * @param dueTime {@code 09:00} in the user's time zone; empty for an all-day task
 * @param repeat how the task repeats, with {@code repeatEvery} … {@code repeatFrom}: see {@link RepeatRule}
 * @param version the version the form was opened at, so a change made elsewhere in between is noticed
 */
record TaskForm(String title, String description, String priority, String tags, String dueDate, String dueTime,
		String repeat, String repeatEvery, String repeatUnit, String repeatDays, String repeatCount, String repeatUntil,
		String repeatFrom, String version) {

	static TaskForm of(Task task, ZoneId zone) {
		Due due = task.due();
		String dueDate = null;
		String dueTime = null;
		if (due != null && due.allDay()) {
			dueDate = due.date().toString();
		}
		else if (due != null) {
			ZonedDateTime at = due.dateTime().atZoneSameInstant(zone);
			dueDate = at.toLocalDate().toString();
			dueTime = at.toLocalTime().toString();
		}
		RepeatRule rule = RepeatRule.of(task.recurrence());
		return new TaskForm(task.title(), task.description(), task.priority().value(), String.join(", ", task.tags()),
				dueDate, dueTime, rule.repeat(), rule.every(), rule.unit(), rule.days(), rule.count(), rule.until(), rule.from(),
				String.valueOf(task.version()));
	}

	TaskForm withVersion(int newVersion) {
		return new TaskForm(title, description, priority, tags, dueDate, dueTime, repeat, repeatEvery, repeatUnit,
				repeatDays, repeatCount, repeatUntil, repeatFrom, String.valueOf(newVersion));
	}

	/** The repeat preview's first date: the due date as typed, or today when there is none (or it is garbled). */
	LocalDate firstDate(LocalDate today) {
		try {
			return dueDate == null || dueDate.isBlank() ? today : LocalDate.parse(dueDate.strip());
		}
		catch (DateTimeException ex) {
			return today;
		}
	}

	public RepeatRule repeatRule() {
		return new RepeatRule(repeat, repeatEvery, repeatUnit, repeatDays, repeatCount, repeatUntil, repeatFrom);
	}

	/** The version the form was based on; null if missing or garbled, which means "apply to the current state". */
	Integer expectedVersion() {
		try {
			return version == null ? null : Integer.valueOf(version.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	List<String> tagList() {
		return tags == null ? List.of()
				: Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
	}

	/**
	 * The current state with this form's fields applied; the status is not on the form and stays as it is.
	 * @throws dev.taskflow.platform.InvalidInput naming the form's fields ({@code tags[1]} is the second tag)
	 */
	TaskDraft applyTo(TaskDraft current, ZoneId zone) {
		FieldErrors errors = new FieldErrors();
		Priority newPriority = priority == null || priority.isBlank() ? Priority.NONE
				: Priority.parse(priority).orElseGet(() -> {
					errors.add("priority", "must be one of " + Priority.allowedValues());
					return null;
				});
		Due due = due(zone, errors);
		RepeatRule rule = repeatRule();
		Optional<Recurrence> recurrence = rule.given() ? rule.recurrence(errors) : Optional.ofNullable(current.recurrence());
		TaskDraft.check(title, description, tagList(), errors);
		errors.throwIfAny();
		return current.withDetails(title, description, newPriority, tagList(),
				sameMoment(due, current.due()) ? current.due() : due)
			.withRecurrence(recurrence.orElse(null));
	}

	private Due due(ZoneId zone, FieldErrors errors) {
		boolean hasDate = dueDate != null && !dueDate.isBlank();
		boolean hasTime = dueTime != null && !dueTime.isBlank();
		if (!hasDate) {
			if (hasTime) {
				errors.add("due", "needs a date when a time is given");
			}
			return null;
		}
		if (hasTime && !isTime(dueTime.strip())) {
			errors.add("due", "'" + dueTime.strip() + "' is not a time such as 09:30");
			return null;
		}
		String text = hasTime ? dueDate.strip() + "T" + dueTime.strip() : dueDate.strip();
		return Due.parse(text, zone).orElseGet(() -> {
			errors.add("due", "'" + dueDate.strip() + "' is not a date such as 2026-12-01");
			return null;
		});
	}

	private static boolean isTime(String text) {
		try {
			LocalTime.parse(text);
			return true;
		}
		catch (DateTimeException ex) {
			return false;
		}
	}

	/**
	 * The form shows a timed due date in the user's zone; saving it unchanged must not rewrite an offset
	 * the API was given, so the same moment keeps its original form.
	 */
	private static boolean sameMoment(Due edited, Due current) {
		return edited != null && current != null && !edited.allDay() && !current.allDay()
				&& edited.dateTime().toInstant().equals(current.dateTime().toInstant());
	}
}
