package dev.taskflow.assistant.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.taskflow.tasks.Tags;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The five tools as MCP describes them: input schemas that say exactly what is allowed (types, enums,
 * formats, limits, no extra properties), an output schema for the structured result, and annotations
 * that say truthfully which tools only read and which change or remove tasks.
 */
final class McpToolCatalog {

	private static final String DUE_WORDS = "When it is due, in words or ISO 8601, read in the user's time zone by the "
			+ "server: 'tomorrow 5pm', 'next Tuesday', 'Dec 24', '2026-12-01', '2026-12-01T09:00:00+01:00'. "
			+ "Pass the user's words; do not compute dates yourself.";

	private McpToolCatalog() {
	}

	static List<McpSchema.Tool> tools() {
		return List.of(addTask(), listTasks(), completeTask(), deleteTask(), updateTask());
	}

	static Map<String, Object> outputSchema() {
		return object(Map.of("message", string("What the tool did, in words", 0), "task_ids",
				Map.of("type", "array", "items", Map.of("type", "integer"), "description", "The tasks it touched or found")),
				List.of("message", "task_ids"));
	}

	private static McpSchema.Tool addTask() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("title", withMin(string("The task's title", 200), 1));
		properties.put("description", string("Longer notes", 10_000));
		properties.put("due", string(DUE_WORDS, 100));
		properties.put("priority", priority());
		properties.put("tags", tags());
		properties.put("recurrence", string("How it repeats: daily, weekdays, weekly, monthly, yearly or an RFC 5545 RRULE "
				+ "such as FREQ=WEEKLY;BYDAY=MO,WE", 500));
		properties.put("recurrence_from", Map.of("type", "string", "enum", List.of("due", "completion"),
				"description", "Count the next due date from the previous due date (default) or from completion"));
		properties.put("reminders", Map.of("type", "array", "maxItems", 10, "items",
				string("An ISO 8601 lead time before the due (PT30M, P1D) or a moment in words (tomorrow 8am)", 100)));
		return tool(AssistantTools.ADD, "Add a task", "Create a task for the signed-in user.",
				object(properties, List.of("title")), annotations("Add a task", false, false, false));
	}

	private static McpSchema.Tool listTasks() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("status", Map.of("type", "string", "enum", List.of("pending", "completed", "all"), "default",
				"pending", "description", "Which tasks to list; completed ones are listed latest first"));
		properties.put("due", string("Only tasks due on these days, in words: today, tomorrow, this week, next 7 days, Dec 24; "
				+ "or by a day (by Friday, until Dec 24, before next week), overdue ones included", 100));
		properties.put("completed", string("Only tasks completed on these days, in words: today, yesterday, this week", 100));
		properties.put("overdue", Map.of("type", "boolean", "description", "true: only pending tasks past their due"));
		properties.put("priority", priority());
		properties.put("tags", tags());
		properties.put("query", string("Text in the title, description or tags", 200));
		properties.put("limit", Map.of("type", "integer", "minimum", 1, "maximum", AssistantTools.MAX_LIST, "default", 20));
		return tool(AssistantTools.LIST, "List tasks", "List, filter and search the signed-in user's tasks.",
				object(properties, List.of()), annotations("List tasks", true, false, true));
	}

	private static McpSchema.Tool completeTask() {
		return tool(AssistantTools.COMPLETE, "Complete a task",
				"Mark a task as done. A recurring task then gets its next instance.", object(taskId(), List.of("task_id")),
				annotations("Complete a task", false, true, true));
	}

	private static McpSchema.Tool deleteTask() {
		return tool(AssistantTools.DELETE, "Delete a task", "Move a task to the trash: it leaves the task list and can be "
				+ "restored (Undo in the web app, POST /api/tasks/{id}/restore) until the trash is purged, by default 30 days later.",
				object(taskId(), List.of("task_id")), annotations("Delete a task", false, true, true));
	}

	private static McpSchema.Tool updateTask() {
		Map<String, Object> properties = new LinkedHashMap<>(taskId());
		properties.put("title", withMin(string("A new title", 200), 1));
		properties.put("description", string("New notes", 10_000));
		properties.put("due", string(DUE_WORDS + " A day without a time keeps the task's time of day, a time without a day keeps its day. 'none' removes the due date.", 100));
		properties.put("priority", priority());
		properties.put("tags", tags());
		properties.put("status", Map.of("type", "string", "enum", List.of("pending", "completed"), "description",
				"completed marks the task done, as complete_task does"));
		return tool(AssistantTools.UPDATE, "Change a task", "Change some fields of a task; fields left out stay as they are.",
				object(properties, List.of("task_id")), annotations("Change a task", false, true, true));
	}

	private static Map<String, Object> taskId() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("task_id", Map.of("type", "integer", "minimum", 1, "description", "The task's id, as list_tasks shows it"));
		return properties;
	}

	private static Map<String, Object> priority() {
		return Map.of("type", "string", "enum", List.of("none", "low", "medium", "high"));
	}

	private static Map<String, Object> tags() {
		return Map.of("type", "array", "maxItems", Tags.MAX_TAGS, "uniqueItems", true, "items",
				Map.of("type", "string", "minLength", 1, "maxLength", Tags.MAX_LENGTH, "pattern",
						"^[" + Tags.CHARACTERS + "]+$"));
	}

	private static Map<String, Object> string(String description, int maxLength) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "string");
		schema.put("description", description);
		if (maxLength > 0) {
			schema.put("maxLength", maxLength);
		}
		return schema;
	}

	private static Map<String, Object> withMin(Map<String, Object> schema, int minLength) {
		Map<String, Object> copy = new LinkedHashMap<>(schema);
		copy.put("minLength", minLength);
		return copy;
	}

	private static Map<String, Object> object(Map<String, Object> properties, List<String> required) {
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("type", "object");
		schema.put("properties", properties);
		schema.put("required", required);
		schema.put("additionalProperties", false);
		return schema;
	}

	private static McpSchema.ToolAnnotations annotations(String title, boolean readOnly, boolean destructive,
			boolean idempotent) {
		return new McpSchema.ToolAnnotations(title, readOnly, destructive, idempotent, false, null);
	}

	private static McpSchema.Tool tool(String name, String title, String description, Map<String, Object> input,
			McpSchema.ToolAnnotations annotations) {
		return McpSchema.Tool.builder()
			.name(name)
			.title(title)
			.description(description)
			.inputSchema(input)
			.outputSchema(outputSchema())
			.annotations(annotations)
			.build();
	}
}
