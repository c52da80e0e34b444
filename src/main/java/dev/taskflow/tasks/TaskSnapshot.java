package dev.taskflow.tasks;

import java.util.List;

/**
 * A task's user-visible state as carried by events: the {@code task} object of the event body
 * (DESIGN.md §3). Values are the API's words ("pending", "high", "2026-12-01").
 */
public record TaskSnapshot(String title, String description, String status, String priority, List<String> tags,
		String dueAt, Boolean allDay) {

	public static TaskSnapshot of(Task task) {
		return new TaskSnapshot(task.title(), task.description(), task.status().value(), task.priority().value(),
				task.tags(), task.due() == null ? null : task.due().format(),
				task.due() == null ? null : task.due().allDay());
	}
}
