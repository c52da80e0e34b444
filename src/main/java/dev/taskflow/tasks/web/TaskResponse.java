package dev.taskflow.tasks.web;

import java.time.Instant;
import java.util.List;

import dev.taskflow.tasks.Task;

/**
 * A task as the API shows it (snake_case). {@code due_at} echoes the form given: a date for an all-day
 * task, a date-time with offset otherwise; {@code all_day} says which (null without a due date).
 */
record TaskResponse(long id, String title, String description, String status, String priority, List<String> tags,
		String dueAt, Boolean allDay, Instant createdAt, Instant updatedAt, Instant completedAt, int version) {

	static TaskResponse of(Task task) {
		return new TaskResponse(task.id(), task.title(), task.description(), task.status().value(),
				task.priority().value(), task.tags(), task.due() == null ? null : task.due().format(),
				task.due() == null ? null : task.due().allDay(), task.createdAt(), task.updatedAt(),
				task.completedAt(), task.version());
	}

	String etag() {
		return "\"" + version + "\"";
	}
}
