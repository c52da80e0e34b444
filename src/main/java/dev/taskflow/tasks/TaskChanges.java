package dev.taskflow.tasks;

import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.taskflow.platform.TraceContext;

/** Works out what a change did to a task, field by field, and which event type describes it. */
final class TaskChanges {

	private TaskChanges() {
	}

	static TaskEvent eventFor(Task before, Task after, Instant now) {
		Map<String, TaskEvent.Change> changes = diff(TaskSnapshot.of(before), TaskSnapshot.of(after));
		UUID id = UUID.randomUUID();
		String trace = TraceContext.currentTraceparent();
		TaskSnapshot task = TaskSnapshot.of(after);
		if (before.status() != after.status()) {
			return after.isCompleted()
					? new TaskEvent.TaskCompleted(id, now, after.ownerId(), after.id(), after.version(), task, changes, trace)
					: new TaskEvent.TaskReopened(id, now, after.ownerId(), after.id(), after.version(), task, changes, trace);
		}
		return new TaskEvent.TaskUpdated(id, now, after.ownerId(), after.id(), after.version(), task, changes, trace);
	}

	static Map<String, TaskEvent.Change> diff(TaskSnapshot before, TaskSnapshot after) {
		Map<String, TaskEvent.Change> changes = new LinkedHashMap<>();
		put(changes, "title", before.title(), after.title());
		put(changes, "description", before.description(), after.description());
		put(changes, "status", before.status(), after.status());
		put(changes, "priority", before.priority(), after.priority());
		put(changes, "tags", before.tags(), after.tags());
		put(changes, "due_at", before.dueAt(), after.dueAt());
		put(changes, "recurrence", before.recurrence(), after.recurrence());
		put(changes, "recurrence_from", before.recurrenceFrom(), after.recurrenceFrom());
		put(changes, "reminders", specs(before), specs(after));
		return changes;
	}

	/** Reminders compare by what the user asked for, not by whether they have fired. */
	private static List<String> specs(TaskSnapshot task) {
		return task.reminders().stream().map(r -> r.at() != null ? "at " + r.at() : "before " + r.before()).toList();
	}

	private static void put(Map<String, TaskEvent.Change> changes, String field, Object old, Object current) {
		if (!Objects.equals(old, current)) {
			changes.put(field, new TaskEvent.Change(old, current));
		}
	}
}
