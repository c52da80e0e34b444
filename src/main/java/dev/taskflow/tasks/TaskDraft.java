package dev.taskflow.tasks;

import java.util.List;

import dev.taskflow.platform.Characters;
import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.UserText;
import dev.taskflow.recurrence.Recurrence;

/**
 * The user-editable state of a task, as created, replaced (PUT) or patched. Construction checks every
 * rule and reports all broken ones at once.
 */
public record TaskDraft(String title, String description, TaskStatus status, Priority priority, List<String> tags,
		Due due, Recurrence recurrence, List<Reminder.Spec> reminders) {

	/**
	 * In characters ({@link Characters}), as people count them. Its columns are twice as wide (V9_99), so
	 * they hold every title within the limit on both databases: H2 counts UTF-16 units, two for an emoji,
	 * and the sort and search columns hold the title lower-cased, where İ becomes two characters (i and
	 * a combining dot). No character lower-cases to more than two units ({@code TagsAndSortTests}).
	 */
	public static final int MAX_TITLE = 200;

	/** In characters, like {@link #MAX_TITLE}, and held lower-cased the same way. */
	public static final int MAX_DESCRIPTION = 10_000;

	public static final int MAX_REMINDERS = 10;

	/** Snoozes waiting to fire, besides the reminders the person set ({@link Reminder.Spec#snoozed()}). */
	public static final int MAX_SNOOZES = 10;

	public TaskDraft {
		FieldErrors errors = new FieldErrors();
		tags = check(title, description, tags, errors);
		errors.throwIfAny();
		title = title.strip();
		if (description != null && UserText.isBlank(description)) {
			description = null;
		}
		status = status == null ? TaskStatus.PENDING : status;
		priority = priority == null ? Priority.NONE : priority;
		tags = List.copyOf(tags);
		reminders = reminders == null ? List.of() : List.copyOf(reminders);
		long snoozes = reminders.stream().filter(Reminder.Spec::snoozed).count();
		if (reminders.size() - snoozes > MAX_REMINDERS) {
			throw InvalidInput.of("reminders", "must have at most " + MAX_REMINDERS + " reminders");
		}
		if (snoozes > MAX_SNOOZES) {
			throw InvalidInput.of("reminders", "must have at most " + MAX_SNOOZES + " snoozed reminders");
		}
	}

	/**
	 * Checks the free-form fields, adding a problem per broken rule, and returns the normalised tags.
	 * Readers call it to report these problems together with their own.
	 */
	public static List<String> check(String title, String description, List<String> tags, FieldErrors errors) {
		title = title == null ? null : title.strip();
		// first, so that its message is the field's one (FieldErrors keeps the first)
		UserText.check("title", title, UserText.Lines.ONE, errors);
		UserText.check("description", description, UserText.Lines.MANY, errors);
		if (title == null || UserText.isBlank(title)) {
			errors.add("title", "is required");
		}
		else if (Characters.count(title) > MAX_TITLE) {
			errors.add("title", "must be at most " + MAX_TITLE + " characters long");
		}
		if (description != null && Characters.count(description) > MAX_DESCRIPTION) {
			errors.add("description", "must be at most " + MAX_DESCRIPTION + " characters long");
		}
		return Tags.normalizeAll(tags == null ? List.of() : tags, "tags", errors);
	}

	public static TaskDraft titled(String title) {
		return new TaskDraft(title, null, TaskStatus.PENDING, Priority.NONE, List.of(), null, null, List.of());
	}

	public TaskDraft withStatus(TaskStatus newStatus) {
		return new TaskDraft(title, description, newStatus, priority, tags, due, recurrence, reminders);
	}

	/** The fields a person edits in the task form; recurrence and reminders stay as they are. */
	public TaskDraft withDetails(String newTitle, String newDescription, Priority newPriority, List<String> newTags,
			Due newDue) {
		return new TaskDraft(newTitle, newDescription, status, newPriority, newTags, newDue, recurrence, reminders);
	}

	public TaskDraft withRecurrence(Recurrence newRecurrence) {
		return new TaskDraft(title, description, status, priority, tags, due, newRecurrence, reminders);
	}

	public TaskDraft withPriority(Priority newPriority) {
		return new TaskDraft(title, description, status, newPriority, tags, due, recurrence, reminders);
	}

	public TaskDraft withTags(List<String> newTags) {
		return new TaskDraft(title, description, status, priority, newTags, due, recurrence, reminders);
	}

	public TaskDraft withReminders(List<Reminder.Spec> newReminders) {
		return new TaskDraft(title, description, status, priority, tags, due, recurrence, newReminders);
	}

	public TaskDraft withDue(Due newDue) {
		return new TaskDraft(title, description, status, priority, tags, newDue, recurrence, reminders);
	}
}
