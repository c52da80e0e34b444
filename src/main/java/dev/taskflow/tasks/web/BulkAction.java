package dev.taskflow.tasks.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.taskflow.accounts.CurrentUser;
import dev.taskflow.tasks.Due;
import dev.taskflow.tasks.Priority;
import dev.taskflow.tasks.Tags;
import dev.taskflow.tasks.Task;
import dev.taskflow.tasks.TaskManagement;

/**
 * What the list's bulk bar does to each selected task, one {@link TaskManagement} command per task
 * (so every change is owner-checked and publishes its own event), and how each action is undone.
 */
enum BulkAction {

	COMPLETE("Completed"), REOPEN("Reopened"), DELETE("Deleted"), RESTORE("Restored"), TAG("Tagged"),
	UNTAG("Untagged"), PRIORITY("Re-prioritised"), RESCHEDULE("Rescheduled"),
	/** Puts back the priority or due date each task had before, from {@code id|field|value} entries. */
	REVERT("Restored");

	private final String verb;

	BulkAction(String verb) {
		this.verb = verb;
	}

	String verb() {
		return verb;
	}

	static Optional<BulkAction> parse(String value) {
		return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(value.strip())).findFirst();
	}

	String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The arguments of one bulk request: a tag, a priority or a due date, as the action needs. */
	record Arguments(String tag, Priority priority, Due due, List<String> previous) {
	}

	/** Applies this action to one task; adds to {@code undo} what would take it back. */
	void apply(TaskManagement tasks, CurrentUser user, long id, Arguments args, UndoCollector undo) {
		switch (this) {
			case COMPLETE -> {
				if (!tasks.get(user, id).isCompleted()) {
					tasks.complete(user, id, null);
					undo.id(id);
				}
			}
			case REOPEN -> tasks.reopen(user, id, null);
			case DELETE -> {
				tasks.delete(user, id, null);
				undo.id(id);
			}
			case RESTORE -> tasks.restore(user, id);
			case TAG -> {
				Task before = tasks.get(user, id);
				if (!before.tags().contains(args.tag())) {
					tasks.change(user, id, draft -> draft.withTags(with(draft.tags(), args.tag())), null);
					undo.id(id);
				}
			}
			case UNTAG -> tasks.change(user, id,
					draft -> draft.withTags(draft.tags().stream().filter(t -> !t.equals(args.tag())).toList()), null);
			case PRIORITY -> {
				Task before = tasks.get(user, id);
				tasks.change(user, id, draft -> draft.withPriority(args.priority()), null);
				undo.previous(id + "|priority|" + before.priority().value());
			}
			case RESCHEDULE -> {
				Task before = tasks.get(user, id);
				tasks.change(user, id, draft -> draft.withDue(args.due()), null);
				undo.previous(id + "|due|" + (before.due() == null ? "" : before.due().format()));
			}
			case REVERT -> revert(tasks, user, id, args.previous());
		}
	}

	/** What undoes this action, or null if it cannot be undone from the bar (an undo itself). */
	BulkAction inverse() {
		return switch (this) {
			case COMPLETE -> REOPEN;
			case DELETE -> RESTORE;
			case TAG -> UNTAG;
			case PRIORITY, RESCHEDULE -> REVERT;
			case REOPEN, RESTORE, UNTAG, REVERT -> null;
		};
	}

	private static void revert(TaskManagement tasks, CurrentUser user, long id, List<String> previous) {
		for (String entry : previous) {
			String[] parts = entry.split("\\|", 3);
			if (parts.length != 3 || !parts[0].equals(String.valueOf(id))) {
				continue;
			}
			String value = parts[2];
			switch (parts[1]) {
				case "priority" -> Priority.parse(value)
					.ifPresent(priority -> tasks.change(user, id, draft -> draft.withPriority(priority), null));
				case "due" -> {
					Due due = value.isEmpty() ? null : Due.parse(value, user.timeZone()).orElse(null);
					if (value.isEmpty() || due != null) {
						tasks.change(user, id, draft -> draft.withDue(due), null);
					}
				}
				default -> {
					// an entry this version does not write: nothing to put back
				}
			}
		}
	}

	private static List<String> with(List<String> tags, String tag) {
		List<String> result = new ArrayList<>(tags);
		result.add(tag);
		return result;
	}

	static String normalizedTag(String raw) {
		return raw == null ? "" : Tags.normalize(raw);
	}

	/** Collects what undoes a bulk change while it runs. */
	static final class UndoCollector {

		final List<Long> ids = new ArrayList<>();

		final List<String> previous = new ArrayList<>();

		void id(long id) {
			ids.add(id);
		}

		void previous(String entry) {
			previous.add(entry);
		}
	}
}
