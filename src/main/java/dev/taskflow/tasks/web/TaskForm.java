package dev.taskflow.tasks.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import dev.taskflow.platform.DisplayTime;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskDraft;

/**
 * The edit form's fields exactly as typed, so a rejected form comes back as the user left it.
 *
 * @param tags comma-separated
 * @param dueDate {@code 2026-12-01} (what a date input sends); empty for no due date
 * @param dueTime {@code 09:00} in the user's time zone; empty for an all-day task
 * @param repeat how the task repeats, with {@code repeatEvery} … {@code repeatFrom}: see {@link RepeatRule}
 *        ({@code repeatMonthly} … {@code repeatWeekday} are its {@code monthly} … {@code weekday})
 * @param reminders the reminder rows as typed, including rows with nothing typed in them
 * @param remindersOnForm set when the form shows the reminders: then they replace the task's (all rows removed
 *        means none); a form without them keeps the task's reminders
 * @param version the version the form was opened at, so a change made elsewhere in between is noticed
 */
record TaskForm(String title, String description, String priority, String tags, String dueDate, String dueTime,
		String repeat, String repeatEvery, String repeatUnit, String repeatDays, String repeatMonthly,
		String repeatMonthDay, String repeatWeek, String repeatWeekday, String repeatCount, String repeatUntil,
		String repeatFrom, List<ReminderField> reminders, String remindersOnForm, String version) {

	TaskForm {
		// a gap in the rows' numbering binds as null; an empty row keeps the others' numbers (and is skipped)
		reminders = reminders == null ? List.of()
				: reminders.stream().map(row -> row == null ? ReminderField.blank(true) : row).toList();
	}

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
		List<ReminderField> reminders = new ArrayList<>(
				task.reminders().stream().map(reminder -> ReminderField.of(reminder, zone)).toList());
		return new TaskForm(task.title(), task.description(), task.priority().value(), String.join(", ", task.tags()),
				dueDate, dueTime, rule.repeat(), rule.every(), rule.unit(), rule.days(), rule.monthly(), rule.monthDay(),
				rule.week(), rule.weekday(), rule.count(), rule.until(), rule.from(), reminders, "true",
				String.valueOf(task.version())).withBlankReminder(task.reminders().stream().filter(Reminder::snoozed).count());
	}

	TaskForm withVersion(int newVersion) {
		return new TaskForm(title, description, priority, tags, dueDate, dueTime, repeat, repeatEvery, repeatUnit,
				repeatDays, repeatMonthly, repeatMonthDay, repeatWeek, repeatWeekday, repeatCount, repeatUntil, repeatFrom,
				reminders, remindersOnForm, String.valueOf(newVersion));
	}

	private TaskForm withReminders(List<ReminderField> rows) {
		return new TaskForm(title, description, priority, tags, dueDate, dueTime, repeat, repeatEvery, repeatUnit,
				repeatDays, repeatMonthly, repeatMonthDay, repeatWeek, repeatWeekday, repeatCount, repeatUntil, repeatFrom,
				rows, "true", version);
	}

	/**
	 * The form with an empty row to type a new reminder in, unless it has one or is full.
	 * @param snoozes how many rows show a snooze of the task ({@link #snoozeRows})
	 */
	TaskForm withBlankReminder(long snoozes) {
		boolean hasBlank = reminders.stream().anyMatch(ReminderField::isBlank);
		return hasBlank || !roomForReminder(snoozes) ? this : withAnotherReminder(snoozes);
	}

	/** "Add another reminder" without JavaScript: one more empty row, keeping everything typed. */
	TaskForm withAnotherReminder(long snoozes) {
		if (!roomForReminder(snoozes)) {
			return this;
		}
		List<ReminderField> rows = new ArrayList<>(reminders);
		rows.add(blankReminder());
		return withReminders(rows);
	}

	/** "Remove" on a row without JavaScript; an index that is not a row changes nothing. */
	TaskForm withoutReminder(int index) {
		if (index < 0 || index >= reminders.size()) {
			return this;
		}
		List<ReminderField> rows = new ArrayList<>(reminders);
		rows.remove(index);
		return withReminders(rows);
	}

	/** The row the browser copies for "Add another reminder". */
	public ReminderField blankReminder() {
		return ReminderField.blank(dueDate != null && !dueDate.isBlank());
	}

	public int maxReminders() {
		return TaskDraft.MAX_REMINDERS;
	}

	/**
	 * Whether another row may be added: the API's cap on reminders per task, which snoozes do not count
	 * against (a task with all ten reminders can still be snoozed, and its form still saved).
	 */
	boolean roomForReminder(long snoozes) {
		return reminders.size() - snoozes < TaskDraft.MAX_REMINDERS;
	}

	/** Whether the form showed the reminders (an older or partial form keeps the task's reminders). */
	boolean remindersGiven() {
		return remindersOnForm != null && !remindersOnForm.isBlank();
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
		return new RepeatRule(repeat, repeatEvery, repeatUnit, repeatDays, repeatMonthly, repeatMonthDay, repeatWeek,
				repeatWeekday, repeatCount, repeatUntil, repeatFrom);
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
	TaskDraft applyTo(TaskDraft current, ZoneId zone, Instant now) {
		FieldErrors errors = new FieldErrors();
		Priority newPriority = priority == null || priority.isBlank() ? Priority.NONE
				: Priority.parse(priority).orElseGet(() -> {
					errors.add("priority", "must be one of " + Priority.allowedValues());
					return null;
				});
		Due due = due(zone, errors);
		RepeatRule rule = repeatRule();
		Optional<Recurrence> recurrence = rule.given() ? rule.recurrence(errors) : Optional.ofNullable(current.recurrence());
		List<Reminder.Spec> reminderSpecs = remindersGiven() ? reminderSpecs(due, zone, now, current.reminders(), errors)
				: current.reminders();
		TaskDraft.check(title, description, tagList(), errors);
		errors.throwIfAny();
		return current.withDetails(title, description, newPriority, tagList(),
				sameMoment(due, current.due()) ? current.due() : due)
			.withRecurrence(recurrence.orElse(null))
			.withReminders(reminderSpecs);
	}

	/** The reminders the rows ask for, problems under {@code reminders[i]} (the row) or {@code reminders} (too many). */
	private List<Reminder.Spec> reminderSpecs(Due due, ZoneId zone, Instant now, List<Reminder.Spec> kept,
			FieldErrors errors) {
		List<Reminder.Spec> specs = new ArrayList<>();
		for (int i = 0; i < reminders.size(); i++) {
			ReminderField row = reminders.get(i);
			if (!row.isBlank()) {
				row.spec(zone, due, now, kept, "reminders[" + i + "]", errors).ifPresent(specs::add);
			}
		}
		long snoozes = specs.stream().filter(Reminder.Spec::snoozed).count();
		if (reminders.stream().filter(row -> !row.isBlank()).count() - snoozes > TaskDraft.MAX_REMINDERS) {
			errors.add("reminders", "can be at most " + TaskDraft.MAX_REMINDERS + " per task; remove some");
		}
		return specs;
	}

	/**
	 * For each row, what it shows of the task's saved reminders: when the reminder was sent ("Today,
	 * 09:00"), and whether it is a snooze. A row changed since no longer shows the reminder that was sent.
	 */
	List<ShownReminder> shownReminders(Task task, ZoneId zone, Instant now) {
		Due due = due(zone, new FieldErrors());
		return reminders.stream().map(row -> {
			Optional<Reminder.Spec> spec = savedSpec(row, task, zone, due, now);
			String sentAt = spec.flatMap(asked -> task.reminders()
					.stream()
					.filter(reminder -> reminder.sent() && reminder.spec().equals(asked))
					.findFirst())
				.map(reminder -> DisplayTime.moment(reminder.sentAt(), zone, now))
				.orElse(null);
			return new ShownReminder(sentAt, spec.map(Reminder.Spec::snoozed).orElse(false));
		}).toList();
	}

	/** How many rows show a snooze of the task, which the cap on reminders leaves out. */
	long snoozeRows(Task task, ZoneId zone, Instant now) {
		Due due = due(zone, new FieldErrors());
		return reminders.stream()
			.filter(row -> savedSpec(row, task, zone, due, now).map(Reminder.Spec::snoozed).orElse(false))
			.count();
	}

	private static Optional<Reminder.Spec> savedSpec(ReminderField row, Task task, ZoneId zone, Due due, Instant now) {
		return row.isBlank() ? Optional.empty()
				: row.spec(zone, due, now, task.draft().reminders(), "", new FieldErrors());
	}

	/**
	 * What a reminder row shows besides its fields.
	 * @param sentAt when the reminder was sent, as the pages write a moment; null if it was not
	 * @param snoozed whether it is a snooze: for this occurrence only, and not counted against the cap
	 */
	public record ShownReminder(String sentAt, boolean snoozed) {
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
