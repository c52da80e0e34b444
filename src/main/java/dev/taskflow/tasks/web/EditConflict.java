package dev.taskflow.tasks.web;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import dev.taskflow.tasks.Tags;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An edit made on a task that changed elsewhere (another tab or device) after the form was opened,
 * compared field by field. The form carries what it showed when it was opened (its {@code base}), so
 * each field falls into one of three cases: changed only here (keep it), changed only elsewhere (take
 * the other change — keeping the form's old value would silently revert it), or changed in both places
 * (the person chooses). Every field of {@link TaskForm} takes part, whatever fields the form grows.
 *
 * @param rows the fields whose value elsewhere differs from the form's, in form order
 */
record EditConflict(List<Row> rows) {

	/** Request parameters {@code resolve.<field>=theirs} take that field from the current state. */
	static final String RESOLVE = "resolve.";

	/** Fields that say which state the form is based on, not what the task holds. */
	private static final Set<String> NOT_COMPARED = Set.of("version", "remindersOnForm");

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "Title"),
			Map.entry("description", "Notes"), Map.entry("priority", "Priority"), Map.entry("tags", "Tags"),
			Map.entry("dueDate", "Due date"), Map.entry("dueTime", "Time"), Map.entry("repeat", "Repeat"),
			Map.entry("repeatEvery", "Repeat every"), Map.entry("repeatUnit", "Repeat unit"),
			Map.entry("repeatDays", "Repeat on"), Map.entry("repeatMonthly", "Repeat monthly by"),
			Map.entry("repeatMonthDay", "Repeat on day"), Map.entry("repeatWeek", "Repeat on week"),
			Map.entry("repeatWeekday", "Repeat on weekday"), Map.entry("repeatCount", "Repeat times"), Map.entry("repeatUntil", "Repeat until"),
			Map.entry("repeatFrom", "Repeat counted from"), Map.entry("reminders", "Reminders"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * One field that changed elsewhere.
	 * @param takeTheirs what is chosen at first: the other change when this form had not touched the field
	 * @param changedHere whether this form changed the field too (a real clash rather than a change to take)
	 */
	record Row(String field, String label, String theirs, String yours, boolean takeTheirs, boolean changedHere) {
	}

	/**
	 * Compares the submitted form with the task's current state.
	 * @param base what the form showed when opened; empty for a form without one (then every difference is a clash)
	 */
	static EditConflict between(Optional<Map<String, String>> base, TaskForm yours, TaskForm theirs) {
		List<Row> rows = new ArrayList<>();
		for (RecordComponent component : TaskForm.class.getRecordComponents()) {
			String field = component.getName();
			if (NOT_COMPARED.contains(field) || field.equals("reminders") && !yours.remindersGiven()) {
				continue;
			}
			String mine = normalized(field, text(component, yours));
			String other = normalized(field, text(component, theirs));
			if (mine.equals(other)) {
				continue;
			}
			Optional<String> opened = base.map(values -> normalized(field, values.get(field)));
			boolean changedHere = opened.map(value -> !value.equals(mine)).orElse(true);
			boolean changedElsewhere = opened.map(value -> !value.equals(other)).orElse(true);
			if (changedElsewhere) {
				rows.add(new Row(field, LABELS.getOrDefault(field, field), other, mine, !changedHere, changedHere));
			}
		}
		return new EditConflict(rows);
	}

	/** Whether saving the form as it is over the current state would undo nothing done elsewhere. */
	boolean revertsNothing() {
		return rows.isEmpty();
	}

	/**
	 * The form with the chosen fields taken from the current state.
	 * @param takeTheirs the fields to take from {@code theirs}
	 */
	static TaskForm resolve(TaskForm yours, TaskForm theirs, Predicate<String> takeTheirs) {
		RecordComponent[] components = TaskForm.class.getRecordComponents();
		Object[] values = Arrays.stream(components)
			.map(component -> value(component, takeTheirs.test(component.getName()) ? theirs : yours))
			.toArray();
		try {
			return TaskForm.class
				.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new))
				.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("TaskForm's canonical constructor", ex);
		}
	}

	/** What a form shows, carried in a hidden field so a later conflict knows what was changed here. */
	static String encode(TaskForm form) {
		Map<String, String> values = new LinkedHashMap<>();
		for (RecordComponent component : TaskForm.class.getRecordComponents()) {
			if (!NOT_COMPARED.contains(component.getName())) {
				values.put(component.getName(), text(component, form));
			}
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
	}

	/** The values a form was opened with; empty when there are none or they were tampered into nonsense. */
	static Optional<Map<String, String>> decode(String base) {
		if (base == null || base.isBlank() || base.length() > 40_000) {
			return Optional.empty();
		}
		try {
			return Optional.of(JSON.readValue(Base64.getUrlDecoder().decode(base.strip()),
					new TypeReference<Map<String, String>>() {
					}));
		}
		catch (IllegalArgumentException | JacksonException ex) {
			return Optional.empty();
		}
	}

	private static Object value(RecordComponent component, TaskForm form) {
		try {
			return component.getAccessor().invoke(form);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			throw new IllegalStateException("TaskForm." + component.getName(), ex);
		}
	}

	/** A field's value as text; the reminder rows in words, leaving out the empty ones. */
	@SuppressWarnings("unchecked")
	private static String text(RecordComponent component, TaskForm form) {
		Object value = value(component, form);
		if (value instanceof List<?> rows) {
			return ReminderField.describe((List<ReminderField>) rows);
		}
		return value == null ? null : value.toString();
	}

	/** Two values that mean the same compare equal: no priority is "none", tags in any case and spacing. */
	private static String normalized(String field, String value) {
		String text = value == null ? "" : value.strip().replace("\r\n", "\n");
		return switch (field) {
			case "priority", "repeat" -> text.isEmpty() ? "none" : text.toLowerCase(Locale.ROOT);
			case "repeatFrom" -> text.isEmpty() ? "due" : text.toLowerCase(Locale.ROOT);
			case "repeatMonthly" -> text.isEmpty() ? "day" : text.toLowerCase(Locale.ROOT);
			case "tags" -> Arrays.stream(text.split(","))
				.map(Tags::normalize)
				.filter(tag -> !tag.isEmpty())
				.collect(Collectors.joining(", "));
			default -> text;
		};
	}
}
