package dev.taskflow.tasks.web;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.taskflow.platform.FieldErrors;
import dev.taskflow.platform.InvalidInput;
import dev.taskflow.platform.IsoDurations;
import dev.taskflow.tasks.Due;
import dev.taskflow.recurrence.Recurrence;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Reminder;
import dev.taskflow.tasks.TaskDraft;
import dev.taskflow.tasks.TaskStatus;
import tools.jackson.databind.JsonNode;

/**
 * Reads task JSON field by field, so that PATCH can tell an absent field (unchanged) from an explicit
 * null (cleared), and so that every mistake in a body is reported at once, each under its field name.
 */
final class TaskJsonReader {

	private static final Set<String> EDITABLE = Set.of("title", "description", "status", "priority", "tags", "due_at",
			"recurrence", "recurrence_from", "reminders", "version");

	/** Fields a client may send back unchanged from a GET; they are ignored. */
	private static final Set<String> READ_ONLY = Set.of("id", "all_day", "series_id", "series_index",
			"series_anchor", "created_at", "updated_at", "completed_at");

	private static final Set<String> REMINDER_FIELDS = Set.of("at", "before", "remind_at", "sent", "snoozed");

	private final JsonNode body;

	private final ZoneId zone;

	private final FieldErrors errors = new FieldErrors();

	private TaskJsonReader(JsonNode body, ZoneId zone) {
		if (body == null || !body.isObject()) {
			throw InvalidInput.of("body", "must be a JSON object");
		}
		this.body = body;
		this.zone = zone;
		for (String name : body.propertyNames()) {
			if (!EDITABLE.contains(name) && !READ_ONLY.contains(name)) {
				errors.add(name, "unknown field");
			}
		}
	}

	/** A full representation (POST, PUT): absent fields take their defaults. */
	static Parsed full(JsonNode body, ZoneId zone) {
		return new TaskJsonReader(body, zone).read(null);
	}

	/** A merge patch (RFC 7396): absent fields stay as they are, null clears. */
	static Parsed patch(JsonNode body, ZoneId zone, TaskDraft current) {
		return new TaskJsonReader(body, zone).read(current);
	}

	/** The draft to save, and the version the client based it on (null if it sent none). */
	record Parsed(TaskDraft draft, Integer version) {
	}

	/**
	 * The version a body names, read before the change is applied so a stale one is refused before any
	 * validation work.
	 */
	static Integer version(JsonNode body) {
		JsonNode version = body == null ? null : body.get("version");
		return version != null && version.isIntegralNumber() && version.canConvertToInt() ? version.intValue() : null;
	}

	/** Reads the body over {@code base}; a null base means a full representation with defaults. */
	private Parsed read(TaskDraft base) {
		boolean full = base == null;
		String title = body.has("title") || full ? text("title", true) : base.title();
		String description = body.has("description") ? text("description", false) : full ? null : base.description();
		TaskStatus status = body.has("status") ? status() : full ? TaskStatus.PENDING : base.status();
		Priority priority = body.has("priority") ? priority() : full ? Priority.NONE : base.priority();
		List<String> tags = body.has("tags") ? tags() : full ? List.of() : base.tags();
		Due due = body.has("due_at") ? due() : full ? null : base.due();
		Recurrence recurrence = recurrence(full ? null : base.recurrence());
		List<Reminder.Spec> reminders = body.has("reminders") ? reminders() : full ? List.of() : base.reminders();
		Integer version = null;
		if (body.has("version")) {
			version = version(body);
			if (version == null) {
				errors.add("version", "must be a whole number");
			}
		}
		TaskDraft.check(title, description, tags, errors);
		errors.throwIfAny();
		return new Parsed(new TaskDraft(title, description, status, priority, tags, due, recurrence, reminders),
				version);
	}

	private String text(String field, boolean required) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			if (required) {
				errors.add(field, "is required");
			}
			return null;
		}
		if (!node.isString()) {
			errors.add(field, "must be a string");
			return null;
		}
		return node.stringValue();
	}

	private TaskStatus status() {
		String value = text("status", true);
		if (value == null) {
			return null;
		}
		return TaskStatus.parse(value).orElseGet(() -> {
			errors.add("status", "'" + value + "' is not one of " + TaskStatus.allowedValues());
			return null;
		});
	}

	private Priority priority() {
		String value = text("priority", false);
		if (value == null) {
			return Priority.NONE;
		}
		return Priority.parse(value).orElseGet(() -> {
			errors.add("priority", "'" + value + "' is not one of " + Priority.allowedValues());
			return null;
		});
	}

	private List<String> tags() {
		JsonNode node = body.get("tags");
		if (node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			errors.add("tags", "must be an array of strings");
			return List.of();
		}
		List<String> tags = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			JsonNode tag = node.get(i);
			if (!tag.isString()) {
				errors.add("tags[" + i + "]", "must be a string");
			}
			else {
				tags.add(tag.stringValue());
			}
		}
		return tags;
	}

	/** {@code recurrence} and {@code recurrence_from} patch independently of each other. */
	private Recurrence recurrence(Recurrence current) {
		String text = body.has("recurrence") ? text("recurrence", false) : current == null ? null : current.text();
		String from = body.has("recurrence_from") ? text("recurrence_from", false)
				: current == null ? null : current.from().value();
		return Recurrence.parse(text, from, "recurrence", "recurrence_from", errors).orElse(null);
	}

	private List<Reminder.Spec> reminders() {
		JsonNode node = body.get("reminders");
		if (node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			errors.add("reminders", "must be an array such as [{\"before\": \"PT15M\"}, {\"at\": \"2026-12-01T09:00:00Z\"}]");
			return List.of();
		}
		List<Reminder.Spec> reminders = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String field = "reminders[" + i + "]";
			JsonNode item = node.get(i);
			if (!item.isObject()) {
				errors.add(field, "must be an object with either at or before");
				continue;
			}
			item.propertyNames().stream().filter(name -> !REMINDER_FIELDS.contains(name))
				.forEach(name -> errors.add(field + "." + name, "unknown field"));
			JsonNode at = item.get("at");
			JsonNode before = item.get("before");
			boolean hasAt = at != null && !at.isNull();
			boolean hasBefore = before != null && !before.isNull();
			if (hasAt == hasBefore) {
				errors.add(field, "needs either at (a date-time) or before (a duration such as PT15M), not both");
				continue;
			}
			JsonNode snoozed = item.get("snoozed");
			if (snoozed != null && !snoozed.isNull() && !snoozed.isBoolean()) {
				errors.add(field + ".snoozed", "must be true or false");
				continue;
			}
			boolean isSnooze = snoozed != null && snoozed.asBoolean(false);
			if (isSnooze && !hasAt) {
				errors.add(field + ".snoozed", "is only for a reminder at a moment (at)");
				continue;
			}
			if (hasAt) {
				reminderAt(at, field + ".at").ifPresent(moment -> reminders.add(new Reminder.Spec(moment, null, isSnooze)));
			}
			else if (!before.isString()) {
				errors.add(field + ".before", "must be an ISO-8601 duration such as " + IsoDurations.EXAMPLES);
			}
			else {
				try {
					Duration lead = IsoDurations.parse(before.asString());
					Reminder.leadProblem(lead).ifPresentOrElse(problem -> errors.add(field + ".before", problem),
							() -> reminders.add(new Reminder.Spec(null, lead)));
				}
				catch (DateTimeException ex) {
					errors.add(field + ".before", "'" + before.asString() + "' is not a duration TaskFlow reads, such as "
							+ IsoDurations.EXAMPLES + " (months and years have no fixed length)");
				}
			}
		}
		long snoozes = reminders.stream().filter(Reminder.Spec::snoozed).count();
		if (node.size() - snoozes > TaskDraft.MAX_REMINDERS) {
			errors.add("reminders", "must have at most " + TaskDraft.MAX_REMINDERS + " reminders");
		}
		if (snoozes > TaskDraft.MAX_SNOOZES) {
			errors.add("reminders", "must have at most " + TaskDraft.MAX_SNOOZES + " snoozed reminders");
		}
		return reminders;
	}

	private Optional<Instant> reminderAt(JsonNode at, String field) {
		String expected = "must be a date-time with offset (2026-12-01T09:00:00+01:00) " + Due.MOMENT_YEARS_IN_WORDS;
		if (!at.isString()) {
			errors.add(field, expected);
			return Optional.empty();
		}
		try {
			OffsetDateTime moment = OffsetDateTime.parse(at.stringValue());
			if (Due.sane(moment)) {
				return Optional.of(moment.toInstant());
			}
		}
		catch (DateTimeException ex) {
			// reported below
		}
		errors.add(field, "'" + at.stringValue() + "' " + expected.replace("must be", "is not"));
		return Optional.empty();
	}

	private Due due() {
		String value = text("due_at", false);
		if (value == null) {
			return null;
		}
		return Due.parse(value, zone).orElseGet(() -> {
			errors.add("due_at", "'" + value + "' is not " + Due.EXPECTED);
			return null;
		});
	}
}
