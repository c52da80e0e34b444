package dev.taskflow.tasks.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.ParsedTask;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.RecognisedPart;
import dev.taskflow.tasks.Tags;
import dev.taskflow.tasks.TaskDraft;

/**
 * The quick-add line as it will be saved: what the parser read, plus what the list's filter implies
 * so the new task stays in view (its tag, its priority when it names exactly one and the line names
 * none, and today as the due date in the Today and Upcoming views when the line names no date).
 */
final class QuickAdd {

	private QuickAdd() {
	}

	/** One preview chip: a part the parser read, or one the filter adds ({@code removal} is then null). */
	record Chip(String kind, String label, String removal) {
	}

	static TaskDraft draft(ParsedTask parsed, TaskListFilter filter, LocalDate today) {
		TaskDraft draft = parsed.toDraft();
		if (parsed.due() == null && filter.dated()) {
			draft = draft.withDue(Due.allDay(today));
		}
		String tag = filterTag(filter);
		if (tag != null && !draft.tags().contains(tag)) {
			List<String> tags = new ArrayList<>(draft.tags());
			tags.add(tag);
			draft = draft.withTags(tags);
		}
		Priority priority = filterPriority(filter);
		if (priority != null && draft.priority() == Priority.NONE) {
			draft = draft.withPriority(priority);
		}
		return draft;
	}

	/**
	 * The chips of a preview: each recognised part, removable by reading the line again with that
	 * part taken literally, then what the filter adds.
	 */
	static List<Chip> chips(ParsedTask parsed, TaskListFilter filter) {
		List<Chip> chips = new ArrayList<>();
		for (RecognisedPart part : parsed.parts()) {
			chips.add(new Chip(part.kind().name().toLowerCase(Locale.ROOT), part.label(), parsed.without(part).text()));
		}
		if (parsed.due() == null && filter.dated()) {
			chips.add(new Chip("due", "Today (this view)", null));
		}
		String tag = filterTag(filter);
		if (tag != null && !parsed.tags().contains(tag)) {
			chips.add(new Chip("tag", "#" + tag + " (this view)", null));
		}
		Priority priority = filterPriority(filter);
		if (priority != null && parsed.priority() == Priority.NONE) {
			chips.add(new Chip("priority", capitalized(priority.value()) + " priority (this view)", null));
		}
		return chips;
	}

	private static String filterTag(TaskListFilter filter) {
		if (filter.tag() == null || filter.tag().contains(",")) {
			return null;
		}
		String tag = Tags.normalize(filter.tag());
		return tag.isEmpty() ? null : tag;
	}

	private static Priority filterPriority(TaskListFilter filter) {
		if (filter.priority() == null || filter.priority().contains(",")) {
			return null;
		}
		return Priority.parse(filter.priority().strip()).filter(p -> p != Priority.NONE).orElse(null);
	}

	private static String capitalized(String value) {
		return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
	}
}
