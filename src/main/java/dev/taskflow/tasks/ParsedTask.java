package dev.taskflow.tasks;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.List;

import dev.taskflow.recurrence.Recurrence;

/**
 * What {@link TaskPhraseParser} read from a quick-add line: the task's fields, the parts it recognised
 * (with their spans in {@code text}), and the text and moment it read them at, so a part can be undone
 * by reading the same text again with that part quoted.
 */
public record ParsedTask(String title, Due due, Priority priority, List<String> tags, Recurrence recurrence,
		List<Reminder.Spec> reminders, List<RecognisedPart> parts, String text, ZonedDateTime readAt) {

	public ParsedTask {
		priority = priority == null ? Priority.NONE : priority;
		tags = tags == null ? List.of() : List.copyOf(tags);
		reminders = reminders == null ? List.of() : List.copyOf(reminders);
		parts = parts == null ? List.of() : List.copyOf(parts);
	}

	/** A draft with these fields and no description; it throws the usual InvalidInput for an empty title. */
	public TaskDraft toDraft() {
		return new TaskDraft(title, null, TaskStatus.PENDING, priority, tags, due, recurrence, reminders);
	}

	/**
	 * The same line with {@code part} taken literally: its text is quoted, so it joins the title, and the
	 * line is read again at the same moment. {@link #text()} of the result is the quoted line, for the
	 * input field; the spans of the result refer to it.
	 */
	public ParsedTask without(RecognisedPart part) {
		if (!parts.contains(part)) {
			return this;
		}
		String quoted = text.substring(0, part.start()) + '"' + text.substring(part.start(), part.end()) + '"'
				+ text.substring(part.end());
		Clock sameMoment = Clock.fixed(readAt.toInstant(), readAt.getZone());
		return new TaskPhraseParser(sameMoment).parse(quoted, readAt.getZone());
	}

	/** The parts of one kind, in the order they appear. */
	public List<RecognisedPart> parts(RecognisedPart.Kind kind) {
		return parts.stream().filter(part -> part.kind() == kind).toList();
	}
}
